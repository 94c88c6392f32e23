using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Testing;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Api.Tests.Resilience;

/// <summary>
/// Concept-note requests fired at the same moment: a double-clicked (re)submission, two editors saving the same
/// version, a checklist finding racing the forwarding, and an edit racing the withdrawal. One wins, the other is told
/// with a 409, and nothing is lost or slips in after the step.
/// </summary>
public sealed class ConceptNoteRaceTests : IAsyncLifetime
{
    private readonly SqliteApiFactory api = new();
    private HttpClient government = null!;
    private HttpClient fmu = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        government = await api.CreateClientAsAsync("gov.mex");
        fmu = await api.CreateClientAsAsync("fmu.officer");
    }

    public async ValueTask DisposeAsync()
    {
        government.Dispose();
        fmu.Dispose();
        await api.DisposeAsync();
    }

    private Task<int> AuditedChangesOfAsync(Guid note) => api.WithDbAsync(db => db.AuditEntries
        .CountAsync(a => a.EntityType == "ConceptNote" && a.EntityId == note.ToString() && a.Action == "Modified", Ct));

    private Task<int> KeptVersionsAsync(Guid note) =>
        api.WithDbAsync(db => db.ConceptNoteVersions.CountAsync(v => v.ConceptNoteId == note, Ct));

    [Fact]
    public async Task A_double_clicked_submission_and_resubmission_each_count_once()
    {
        var note = await government.CreatedNoteAsync();
        for (var round = 1; round <= 3; round++)
        {
            var action = round == 1 ? "submit" : "resubmit";

            var responses = await RaceSupport.AtOnceAsync(() => government.NoteActAsync(note, action),
                () => government.NoteActAsync(note, action));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            await HttpAssert.ProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
            Assert.Equal(round == 1 ? 1 : round - 1, await api.CountOfAsync(note, action));
            var read = await government.GetNoteAsync(note);
            Assert.Equal(("submitted", round), (read.Status(), read.GetProperty("submissionCount").GetInt32()));
            Assert.Equal(round, await KeptVersionsAsync(note));

            await fmu.NoteStepsAsync(note, "startScreening", "returnForRevision");
        }

        // Each return started a lapse timer and each resubmission cancelled it: none is left to fire.
        var timers = await api.TimersOfAsync(note);
        Assert.Equal((3, 2, 1), (timers.Count, timers.Count(t => t.Status == WorkflowTimerStatus.Cancelled),
            timers.Count(t => t.Status == WorkflowTimerStatus.Pending)));
    }

    [Fact]
    public async Task Two_editors_saving_the_same_version_at_once_one_wins_and_the_other_is_told()
    {
        var note = await government.CreatedNoteAsync();
        for (var round = 1; round <= 5; round++)
        {
            var read = await government.GetNoteAsync(note);
            var version = read.GetProperty("version").GetGuid();
            var changesBefore = await AuditedChangesOfAsync(note);

            var responses = await RaceSupport.AtOnceAsync(
                () => government.UpdateNoteAsync(note, ConceptNoteTestSupport.CompleteNote()
                    .With("title", $"The government's edit {round}").With("version", version)),
                () => fmu.UpdateNoteAsync(note, ConceptNoteTestSupport.CompleteNote()
                    .With("title", $"The FMU's edit {round}").With("version", version)));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var winner = await HttpAssert.OkJsonAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
            var loser = await HttpAssert.ProblemAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict),
                HttpStatusCode.Conflict);
            Assert.Matches("changed by someone else|changed this record", loser.GetProperty("detail").GetString());
            var stored = await government.GetNoteAsync(note);
            Assert.Equal(winner.GetProperty("title").GetString(), stored.GetProperty("title").GetString());
            Assert.NotEqual(version, stored.GetProperty("version").GetGuid());
            Assert.Equal(changesBefore + 1, await AuditedChangesOfAsync(note));
        }
    }

    [Fact]
    public async Task A_failed_checklist_item_recorded_as_the_note_is_forwarded_never_reaches_the_committee()
    {
        using var finance = await api.CreateClientAsAsync("fmu.finance");
        for (var round = 1; round <= 4; round++)
        {
            var note = await government.CreatedNoteAsync(ConceptNoteTestSupport.CompleteNote(title: $"Screening race {round}"));
            await government.NoteStepsAsync(note, "submit");
            await fmu.NoteStepsAsync(note, "startScreening");
            await HttpAssert.OkJsonAsync(await fmu.ScreenAsync(note));

            var responses = await RaceSupport.AtOnceAsync(() => fmu.NoteActAsync(note, "forwardToCommittee"),
                () => finance.ScreenAsync(note, "EndorsedByGovernment"));

            var answers = await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync(Ct)}"));
            var won = await RaceSupport.WonAsync(HttpStatusCode.OK, responses);
            Assert.True(won[0] ^ won[1], "Exactly one of the forwarding and the failed finding must land; the forwarding got " +
                                         $"{answers[0]}, the finding {answers[1]}.");
            var screening = await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/concept-notes/{note}/screening", Ct));
            var endorsed = screening.GetProperty("rounds")[0].GetProperty("items").EnumerateArray()
                .Single(i => i.GetProperty("item").GetString() == "EndorsedByGovernment");
            Assert.Equal(won[0], endorsed.GetProperty("passed").GetBoolean());
            Assert.Equal(won[0] ? "underCommitteeReview" : "screening", (await fmu.GetNoteAsync(note)).Status());
        }
    }

    [Fact]
    public async Task An_edit_racing_the_withdrawal_lands_before_it_or_is_refused_never_on_the_withdrawn_note()
    {
        for (var round = 1; round <= 8; round++)
        {
            var note = await government.CreatedNoteAsync(ConceptNoteTestSupport.CompleteNote(title: $"Withdrawal race {round}"));
            var version = (await government.GetNoteAsync(note)).GetProperty("version").GetGuid();
            var edit = ConceptNoteTestSupport.CompleteNote(title: $"Withdrawal race {round}")
                .With("summary", $"Revised summary {round}").With("version", version);

            var responses = await RaceSupport.AtOnceAsync(() => government.UpdateNoteAsync(note, edit),
                () => fmu.NoteActAsync(note, "withdraw", "Withdrawn at the government's request."));

            var won = await RaceSupport.WonAsync(HttpStatusCode.OK, responses);
            Assert.True(won[1], "The withdrawal was refused.");
            var stored = await fmu.GetNoteAsync(note);
            Assert.Equal("withdrawn", stored.Status());
            Assert.Equal(won[0] ? $"Revised summary {round}" : ConceptNoteTestSupport.CompleteNote()["summary"]!.GetValue<string>(),
                stored.GetProperty("summary").GetString());
            // The edit's audit entry, when it landed, comes before the step that withdrew the note.
            var (edited, withdrawn) = await api.WithDbAsync(async db =>
            {
                var entries = await db.AuditEntries.AsNoTracking()
                    .Where(a => (a.EntityType == "ConceptNote" && a.EntityId == note.ToString() && a.Action == "Modified")
                                || (a.EntityType == "WorkflowInstance" && a.Changes.Contains("\"withdrawn\"")))
                    .OrderBy(a => a.Id).ToListAsync(Ct);
                var instance = await db.WorkflowInstances.Where(i => i.SubjectId == note).Select(i => i.Id).SingleAsync(Ct);
                return (entries.Where(a => a.EntityType == "ConceptNote").Select(a => a.Id).ToList(),
                    entries.Single(a => a.EntityType == "WorkflowInstance" && a.EntityId == instance.ToString()).Id);
            });
            Assert.Equal(won[0] ? 1 : 0, edited.Count);
            Assert.All(edited, id => Assert.True(id < withdrawn, "The note was edited after it was withdrawn."));
        }
    }
}
