using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.ConceptNotes;

public sealed class ConceptNoteLifecycleTests : IAsyncLifetime
{
    private readonly SqliteApiFactory api = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task A_government_drafts_submits_revises_and_resubmits_and_the_FMU_screens_and_forwards()
    {
        var government = await api.CreateClientAsAsync("gov.mex");
        var fmu = await api.CreateClientAsAsync("fmu.officer");

        var draft = await HttpAssert.OkJsonAsync(
            await government.CreateNoteAsync(ConceptNoteTestSupport.CompleteNote()), HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        Assert.Equal("draft", draft.Status());
        Assert.Equal(1_000_000.00m, draft.GetProperty("totalRequestedUsd").GetDecimal());
        Assert.Contains("submit", draft.ActionNames());
        Assert.Equal($"/api/concept-notes/{id}/actions/submit",
            draft.GetProperty("allowedActions").EnumerateArray().First(a => a.GetProperty("name").GetString() == "submit")
                .GetProperty("href").GetString());

        var submitted = await government.NoteStepsAsync(id, "submit");
        Assert.Equal("submitted", submitted.Status());
        Assert.Equal(1, submitted.GetProperty("submissionCount").GetInt32());

        await fmu.NoteStepsAsync(id, "startScreening");
        await HttpAssert.OkJsonAsync(await fmu.ScreenAsync(id, failed: "Complete"));
        var returned = await HttpAssert.OkJsonAsync(await fmu.NoteActAsync(id, "returnForRevision",
            "Section 3 lacks the national partners' roles."));
        Assert.Equal("returnedForRevision", returned.Status());

        var revision = ConceptNoteTestSupport.CompleteNote()
            .With("summary", "Revised: the national partners' roles are now described.")
            .With("version", returned.GetProperty("version").GetGuid());
        await HttpAssert.OkJsonAsync(await government.UpdateNoteAsync(id, revision));
        var resubmitted = await government.NoteStepsAsync(id, "resubmit");
        Assert.Equal(2, resubmitted.GetProperty("submissionCount").GetInt32());

        await fmu.NoteStepsAsync(id, "startScreening");
        await HttpAssert.OkJsonAsync(await fmu.ScreenAsync(id));
        var forwarded = await fmu.NoteStepsAsync(id, "forwardToCommittee");
        Assert.Equal("underCommitteeReview", forwarded.Status());
        Assert.NotNull(forwarded.GetProperty("lastScreenedAt").GetString());

        var history = await HttpAssert.OkJsonAsync(await government.GetAsync($"/api/concept-notes/{id}/history", Ct));
        var steps = history.EnumerateArray().Select(e => (
            e.GetProperty("action").GetString(), e.GetProperty("actor").GetString(), e.GetProperty("comment").GetString()))
            .ToList();
        Assert.Equal(
        [
            ("start", "gov.mex", null), ("submit", "gov.mex", "submit: reasons given"),
            ("startScreening", "fmu.officer", "startScreening: reasons given"),
            ("returnForRevision", "fmu.officer", "Section 3 lacks the national partners' roles."),
            ("resubmit", "gov.mex", "resubmit: reasons given"),
            ("startScreening", "fmu.officer", "startScreening: reasons given"),
            ("forwardToCommittee", "fmu.officer", "forwardToCommittee: reasons given"),
        ], steps);

        var versions = await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/concept-notes/{id}/versions", Ct));
        Assert.Equal([1, 2], versions.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal(["summary"], versions[1].GetProperty("changedFromPrevious").EnumerateArray().Select(f => f.GetString()));
        var first = await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/concept-notes/{id}/versions/1", Ct));
        Assert.StartsWith("Fair recruitment", first.GetProperty("content").GetProperty("summary").GetString());
        Assert.Equal("submit", first.GetProperty("action").GetString());

        var screening = await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/concept-notes/{id}/screening", Ct));
        Assert.Equal(2, screening.GetProperty("currentRound").GetInt32());
        Assert.True(screening.GetProperty("allPassed").GetBoolean());
        var firstRound = screening.GetProperty("rounds").EnumerateArray().Single(r => r.GetProperty("round").GetInt32() == 1);
        var complete = firstRound.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == "Complete");
        Assert.False(complete.GetProperty("passed").GetBoolean());
        Assert.Equal("Complete is not met", complete.GetProperty("comment").GetString());
    }
}
