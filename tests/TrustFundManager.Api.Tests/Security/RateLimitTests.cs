using System.Net;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Security;

/// <summary>
/// Finding 7: no limits on use. The test hosts run with the limits off (as Development does); this one turns them on
/// with small numbers of its own.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly SqliteApiFactory api = SqliteApiFactory.InEnvironment("Development", new Dictionary<string, string>
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:RequestsPerMinute"] = "50",
        ["RateLimiting:CreatesPerMinute"] = "3",
        ["RateLimiting:ExportsPerMinute"] = "2",
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task Finding7_AFloodOfExportsFromOneUserIsRefusedWith429AndRetryAfterWhileOthersCarryOn()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) responses.Add(await fmu.GetAsync("/api/iati/activities.xml", Ct));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], responses.Take(2).Select(r => r.StatusCode));
        var refused = await HttpAssert.ProblemAsync(responses[2], HttpStatusCode.TooManyRequests);
        Assert.Equal(429, refused.GetProperty("status").GetInt32());
        Assert.True(int.Parse(responses[2].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);

        // The limit is the user's: another FMU officer exports, and the first one still reads.
        using var finance = await api.CreateClientAsAsync("fmu.finance");
        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync("/api/iati/activities.xml", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fmu.GetAsync("/api/settings", Ct)).StatusCode);
    }

    [Fact]
    public async Task Finding7_CreatesHaveAStricterLimitThanReads()
    {
        using var mexico = await api.CreateClientAsAsync("gov.mex");

        var created = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) created.Add((await mexico.CreateNoteAsync(ConceptNoteTestSupport.MinimalDraft())).StatusCode);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], created);
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await mexico.GetAsync("/api/concept-notes", Ct)).StatusCode);
    }
}
