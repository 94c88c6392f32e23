using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests;

public sealed class LoggingTests : IAsyncLifetime
{
    private readonly CollectingSink _sink = new();
    private readonly SqliteApiFactory _api;

    public LoggingTests()
    {
        _api = SqliteApiFactory.InEnvironment("Development",
            new Dictionary<string, string> { ["Serilog:MinimumLevel:Default"] = "Information" },
            services => services.AddSingleton<ILogEventSink>(_sink));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Each_request_is_logged_with_its_correlation_id_and_user_and_never_with_the_token()
    {
        var token = await _api.TokenForAsync("gov.gha");
        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/countries/GHA");
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("X-Correlation-Id", "log-check-1");

        await HttpAssert.OkJsonAsync(await client.SendAsync(request, TestContext.Current.CancellationToken));

        // The request log is written as the response completes, which can be just after the client has it.
        LogEvent? requestLog = null;
        for (var attempt = 0; attempt < 50 && requestLog is null; attempt++)
        {
            requestLog = _sink.Events.SingleOrDefault(e =>
                e.Properties.TryGetValue("RequestPath", out var path) && path.ToString() == "\"/api/countries/GHA\"");
            if (requestLog is null) await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(requestLog is not null, string.Join(" | ", _sink.Events.Select(e => e.RenderMessage()).Take(20)));
        Assert.Equal("\"log-check-1\"", requestLog.Properties["ClientCorrelationId"].ToString());
        Assert.Equal(34, requestLog.Properties["CorrelationId"].ToString().Length);
        Assert.Equal("\"gov.gha\"", requestLog.Properties["User"].ToString());
        Assert.Equal("200", requestLog.Properties["StatusCode"].ToString());
        Assert.DoesNotContain(_sink.Events, e => e.RenderMessage().Contains(token)
            || e.Properties.Values.Any(v => v.ToString().Contains(token)));
    }

    private sealed class CollectingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();
        public IReadOnlyCollection<LogEvent> Events => _events.ToArray();
        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
