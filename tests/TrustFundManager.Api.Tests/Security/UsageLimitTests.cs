using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Security;

/// <summary>Finding 7: one government created 500 maximal drafts at once, all of which were kept.</summary>
public sealed class UsageLimitTests : IAsyncLifetime
{
    private readonly SqliteApiFactory api = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task Finding7_AGovernmentHoldsNoMoreDraftsThanTheFundsCap()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var settings = JsonNode.Parse(await (await fmu.GetAsync("/api/settings", Ct)).Content.ReadAsStringAsync(Ct))!.AsObject();
        settings["maxOpenDraftsPerGovernment"] = 3;
        await HttpAssert.OkJsonAsync(await fmu.PutAsJsonAsync("/api/settings", settings, Ct));
        using var mexico = await api.CreateClientAsAsync("gov.mex");

        var flood = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            mexico.CreateNoteAsync(ConceptNoteTestSupport.MinimalDraft())));
        // Ten creates at once: each government's drafts are counted and saved one at a time, so exactly three are kept.
        var kept = flood.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(3, kept);
        Assert.All(flood.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));

        var refused = await HttpAssert.ProblemAsync(await mexico.CreateNoteAsync(ConceptNoteTestSupport.MinimalDraft()),
            HttpStatusCode.Conflict);
        Assert.Contains("in draft", refused.GetProperty("detail").GetString());
        Assert.Equal(kept, await api.WithDbAsync(db => Task.FromResult(db.Set<ConceptNote>().Count(n => n.Country == "MEX"))));

        // Another government, and the FMU drafting on Mexico's behalf, are not held back by Mexico's drafts.
        using var ghana = await api.CreateClientAsAsync("gov.gha");
        await HttpAssert.OkJsonAsync(await ghana.CreateNoteAsync(ConceptNoteTestSupport.MinimalDraft("GHA")), HttpStatusCode.Created);
        await HttpAssert.OkJsonAsync(await fmu.CreateNoteAsync(ConceptNoteTestSupport.MinimalDraft()), HttpStatusCode.Created);
    }
}
