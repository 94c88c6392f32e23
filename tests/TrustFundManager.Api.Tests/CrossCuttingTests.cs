using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests;

public sealed class CrossCuttingTests : IAsyncLifetime
{
    private const string FailingRoute = "/test/unexpected-failure";

    // A route that fails the way a bug would, to see what a caller is told.
    private readonly SqliteApiFactory _api = new()
    {
        ConfigureTestServicesHook = services => services.AddSingleton<IStartupFilter, FailingRouteStartupFilter>(),
    };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task An_unknown_route_is_a_404_problem_with_a_trace_id()
    {
        using var client = await _api.CreateClientAsAsync("fmu.officer");

        var problem = await HttpAssert.ProblemAsync(
            await client.GetAsync("/api/no-such-thing", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);

        Assert.Equal("/api/no-such-thing", problem.GetProperty("instance").GetString());
    }

    [Theory]
    [InlineData(null, "/api/thematic-areas")]
    [InlineData("fmu.officer", "/api/thematic-areas")]
    [InlineData("fmu.officer", "/api/no-such-thing")]
    [InlineData("gov.mex", "/api/audit-log")]
    [InlineData("fmu.officer", "/api/reports/pipeline.xlsx")]
    public async Task Every_answer_tells_browsers_not_to_guess_its_content_type(string? user, string path)
    {
        using var client = user is null ? _api.CreateClient() : await _api.CreateClientAsAsync(user);

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_that_leaks_no_internals()
    {
        using var client = _api.CreateClient();

        var response = await client.GetAsync(FailingRoute, TestContext.Current.CancellationToken);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.InternalServerError);
        var text = problem.GetRawText();
        Assert.DoesNotContain("secret-connection-detail", text);
        Assert.DoesNotContain("InvalidOperationException", text);
        Assert.DoesNotContain("at TrustFundManager", text);
        Assert.Equal("An unexpected error occurred.", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("{\"title\": ", "title")]
    [InlineData("not json at all", "body")]
    [InlineData("{\"title\": \"Human rights\", \"description\": 12}", "description")]
    public async Task Malformed_json_is_a_400_naming_where_it_broke(string json, string field)
    {
        using var client = await _api.CreateClientAsAsync("fmu.officer");

        var response = await client.PutAsync("/api/guiding-principles/6", HttpAssert.JsonBody(json),
            TestContext.Current.CancellationToken);

        await HttpAssert.ValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task A_body_above_the_size_limit_is_refused_with_413()
    {
        using var client = await _api.CreateClientAsAsync("fmu.officer");
        var huge = $"{{\"title\": \"{new string('x', 70_000)}\"}}";

        var response = await client.PutAsync("/api/guiding-principles/6", HttpAssert.JsonBody(huge),
            TestContext.Current.CancellationToken);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Finding9_the_callers_correlation_id_is_kept_beside_the_servers_in_problems_and_never_in_its_place_in_the_audit_log()
    {
        using var client = await _api.CreateClientAsAsync("fmu.officer");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/guiding-principles/9")
        {
            Content = HttpAssert.JsonBody("{\"title\": \"Whole-of-government approach\", \"description\": \"Policy coherence.\"}"),
        };
        request.Headers.Add("X-Correlation-Id", "req-12345");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        await HttpAssert.OkJsonAsync(response);
        var serverId = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.Equal(32, serverId.Length);
        Assert.Equal("req-12345", response.Headers.GetValues("X-Client-Correlation-Id").Single());
        var log = await HttpAssert.OkJsonAsync(await client.GetAsync(
            "/api/audit-log?entityType=GuidingPrinciple&entityId=9", TestContext.Current.CancellationToken));
        Assert.Equal(serverId, log.GetProperty("items")[0].GetProperty("correlationId").GetString());

        using var bad = new HttpRequestMessage(HttpMethod.Get, "/api/thematic-areas/99");
        bad.Headers.Add("X-Correlation-Id", "req-404");
        var problem = await HttpAssert.ProblemAsync(await client.SendAsync(bad, TestContext.Current.CancellationToken),
            HttpStatusCode.NotFound);
        Assert.Equal("req-404", problem.GetProperty("clientCorrelationId").GetString());
        Assert.Equal(32, problem.GetProperty("correlationId").GetString()!.Length);
    }

    [Fact]
    public async Task A_missing_or_unsafe_correlation_id_is_replaced_by_a_new_one()
    {
        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "bad value\twith <script>");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var echoed = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.Equal(32, echoed.Length);
        Assert.True(echoed.All(char.IsAsciiHexDigit));
    }

    [Fact]
    public async Task Health_endpoints_answer_anonymously()
    {
        using var client = _api.CreateClient();

        var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private sealed class FailingRouteStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            // Runs inside the application's pipeline, after its exception handler, when no endpoint matched.
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path == FailingRoute)
                    throw new InvalidOperationException("secret-connection-detail");
                await nextMiddleware(context);
            });
        };
    }
}
