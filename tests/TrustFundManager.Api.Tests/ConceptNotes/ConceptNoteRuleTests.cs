using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.ConceptNotes;

/// <summary>Every rule of pipeline steps 1 and 2 broken through the API: refused with the field named, nothing written.</summary>
public sealed class ConceptNoteRuleTests : IAsyncLifetime
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

    public static TheoryData<string, string, string> BrokenRules => new()
    {
        { "title", "null", "title" },
        { "title", JsonSerializer.Serialize(new string('x', 301)), "title" },
        { "summary", JsonSerializer.Serialize(new string('x', 8001)), "summary" },
        { "country", "\"XXX\"", "country" },
        { "country", "null", "country" },
        { "otherCountries", "[\"PHL\"]", "otherCountries[0]" },
        { "otherCountries", "[\"MEX\"]", "otherCountries[0]" },
        { "otherCountries", "[\"ZZZ\"]", "otherCountries[0]" },
        { "thematicAreaNumber", "9", "thematicAreaNumber" },
        { "gcmObjectives", "[5, 24]", "gcmObjectives[1]" },
        { "gcmObjectives", "[5, 5]", "gcmObjectives[1]" },
        { "guidingPrinciples", "[11]", "guidingPrinciples[0]" },
        { "budget", """[{"organization":"IOM","amountUsd":600000},{"organization":"IOM","amountUsd":400000}]""", "budget[1].organization" },
        { "budget", """[{"organization":"IOM","amountUsd":600000},{"organization":"NOPE","amountUsd":400000}]""", "budget[1].organization" },
        { "budget", """[{"organization":"IOM","amountUsd":1000000},{"organization":"ILO","amountUsd":0}]""", "budget[1].amountUsd" },
        { "budget", """[{"organization":"IOM","amountUsd":1000001},{"organization":"ILO","amountUsd":-1}]""", "budget[1].amountUsd" },
        { "budget", """[{"organization":"IOM","amountUsd":599999.995},{"organization":"ILO","amountUsd":400000.005}]""", "budget[0].amountUsd" },
        { "budget", """[{"organization":"IOM","amountUsd":600000},{"organization":"ILO","amountUsd":400000.01}]""", "totalRequestedUsd" },
        { "budget", """[{"organization":"IOM"},{"organization":"ILO","amountUsd":1000000}]""", "budget[0].amountUsd" },
        { "budget", """[{"organization":"IOM","amountUsd":"lots"}]""", "budget[0].amountUsd" },
        { "totalRequestedUsd", "3000000.01", "totalRequestedUsd" },
        { "totalRequestedUsd", "0", "totalRequestedUsd" },
        { "durationMonths", "11", "durationMonths" },
        { "durationMonths", "37", "durationMonths" },
        { "markers", """{"gender":4,"humanRights":2,"childSensitivity":1}""", "markers.gender" },
        { "markers", """{"gender":2,"humanRights":-1,"childSensitivity":1}""", "markers.humanRights" },
        { "markers", """{"gender":2,"humanRights":2,"childSensitivity":9}""", "markers.childSensitivity" },
        { "partners", """[{"name":"Ministry","kind":"GovernmentInstitution"},{"name":"ministry","kind":"Academia"}]""", "partners[1].name" },
        { "partners", """[{"name":" ","kind":"GovernmentInstitution"}]""", "partners[0].name" },
        { "partners", """[{"name":"Ministry","kind":"Astrologers"}]""", "partners[0].kind" },
        { "contact", """{"name":"Focal point","email":"not-an-email"}""", "contact.email" },
        { "contact", """{"email":"a@example.org"}""", "contact.name" },
        { "endorsement", """{"endorsedBy":"Minister","endorsedOn":"2999-01-01"}""", "endorsement.endorsedOn" },
        { "endorsement", """{"endorsedBy":"Minister"}""", "endorsement.endorsedOn" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task A_broken_rule_refuses_the_draft_and_the_edit_and_names_the_field(string field, string json,
        string errorKey)
    {
        var note = ConceptNoteTestSupport.CompleteNote().With(field, JsonNode.Parse(json));
        if (field == "budget" && errorKey != "totalRequestedUsd") note.Remove("totalRequestedUsd");

        // As the FMU, who may draft for any country, so that the country rules themselves answer.
        var created = await fmu.CreateNoteAsync(note);
        await HttpAssert.ValidationProblemAsync(created, errorKey);
        Assert.Equal(0, await api.WithDbAsync(db => db.ConceptNotes.CountAsync(Ct)));
        Assert.Equal(0, await api.WithDbAsync(db => db.WorkflowInstances.CountAsync(Ct)));

        var id = await fmu.CreatedNoteAsync();
        var before = await fmu.GetNoteAsync(id);
        await HttpAssert.ValidationProblemAsync(await fmu.UpdateNoteAsync(id, note), errorKey);
        var after = await fmu.GetNoteAsync(id);
        Assert.Equal(before.GetProperty("version").GetGuid(), after.GetProperty("version").GetGuid());
        Assert.Equal(before.GetProperty("budget").ToString(), after.GetProperty("budget").ToString());
    }

    [Fact]
    public async Task A_regional_note_covers_countries_of_one_region()
    {
        var regional = await HttpAssert.OkJsonAsync(await government.CreateNoteAsync(ConceptNoteTestSupport.CompleteNote()
            .With("otherCountries", new JsonArray("GTM", "hnd"))), HttpStatusCode.Created);
        Assert.Equal(["GTM", "HND"], regional.GetProperty("otherCountries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("LatinAmericaAndCaribbean", regional.GetProperty("region").GetString());
    }

    [Fact]
    public async Task An_incomplete_draft_is_kept_but_cannot_be_submitted_and_the_answer_names_what_is_missing()
    {
        var id = await government.CreatedNoteAsync(ConceptNoteTestSupport.MinimalDraft());
        var draft = await government.GetNoteAsync(id);
        var submit = draft.GetProperty("allowedActions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "submit");
        Assert.False(submit.GetProperty("enabled").GetBoolean());

        var refused = await HttpAssert.ProblemAsync(await government.NoteActAsync(id, "submit"), HttpStatusCode.Conflict);
        var fields = refused.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "summary", "thematicAreaNumber", "gcmObjectives", "guidingPrinciples", "budget", "totalRequestedUsd",
            "durationMonths", "partners", "markers.gender", "markers.humanRights", "markers.childSensitivity", "contact",
            "endorsement",
        }, fields);

        Assert.Equal("draft", (await government.GetNoteAsync(id)).Status());
        Assert.Equal(1, await api.WithDbAsync(db => db.WorkflowJournal.CountAsync(Ct)));
        Assert.Equal(0, await api.WithDbAsync(db => db.ConceptNoteVersions.CountAsync(Ct)));
    }

    [Fact]
    public async Task One_organization_is_not_a_joint_programme()
    {
        var single = ConceptNoteTestSupport.CompleteNote()
            .With("budget", JsonNode.Parse("""[{"organization":"IOM","amountUsd":1000000}]"""));
        var id = await government.CreatedNoteAsync(single);

        var refused = await HttpAssert.ProblemAsync(await government.NoteActAsync(id, "submit"), HttpStatusCode.Conflict);
        Assert.Equal(["budget"], refused.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task A_note_within_the_ceiling_when_drafted_is_refused_at_submission_once_the_ceiling_is_lowered()
    {
        var id = await government.CreatedNoteAsync();
        await api.WithDbAsync(async db =>
        {
            var settings = await db.FundSettings.SingleAsync(Ct);
            settings.Change(settings.Values with { BudgetCeilingUsd = 500_000m }, settings.Version);
            return await db.SaveChangesAsync(Ct);
        });

        var refused = await HttpAssert.ProblemAsync(await government.NoteActAsync(id, "submit"), HttpStatusCode.Conflict);
        Assert.Equal(["totalRequestedUsd"], refused.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("draft", (await government.GetNoteAsync(id)).Status());
    }

    [Fact]
    public async Task A_note_is_edited_only_in_draft_or_when_returned_and_only_from_the_version_read()
    {
        var id = await government.CreatedNoteAsync();
        var read = await government.GetNoteAsync(id);
        await HttpAssert.OkJsonAsync(await government.UpdateNoteAsync(id, ConceptNoteTestSupport.CompleteNote()
            .With("title", "First edit").With("version", read.GetProperty("version").GetGuid())));

        var stale = await government.UpdateNoteAsync(id, ConceptNoteTestSupport.CompleteNote()
            .With("title", "Edit from a stale read").With("version", read.GetProperty("version").GetGuid()));
        await HttpAssert.ProblemAsync(stale, HttpStatusCode.Conflict);

        await HttpAssert.ValidationProblemAsync(await government.UpdateNoteAsync(id,
            ConceptNoteTestSupport.CompleteNote("GTM")), "country");

        await government.NoteStepsAsync(id, "submit");
        await HttpAssert.ProblemAsync(await government.UpdateNoteAsync(id,
            ConceptNoteTestSupport.CompleteNote().With("title", "Edit after submission")), HttpStatusCode.Conflict);
        await HttpAssert.ProblemAsync(await fmu.UpdateNoteAsync(id,
            ConceptNoteTestSupport.CompleteNote().With("title", "FMU edit after submission")), HttpStatusCode.Conflict);

        var note = await government.GetNoteAsync(id);
        Assert.Equal("First edit", note.GetProperty("title").GetString());
        var version = await HttpAssert.OkJsonAsync(await government.GetAsync($"/api/concept-notes/{id}/versions/1", Ct));
        Assert.Equal("First edit", version.GetProperty("content").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Screening_rules_checklist_in_screening_only_failed_items_need_a_comment_forwarding_needs_all_passed()
    {
        var id = await government.CreatedNoteAsync();
        await government.NoteStepsAsync(id, "submit");
        await HttpAssert.ProblemAsync(await fmu.ScreenAsync(id), HttpStatusCode.Conflict);

        await fmu.NoteStepsAsync(id, "startScreening");
        var noComment = await fmu.PutAsJsonAsync($"/api/concept-notes/{id}/screening",
            new { findings = new[] { new { item = "MarkersScored", passed = false } } }, Ct);
        await HttpAssert.ValidationProblemAsync(noComment, "comment");
        var twice = await fmu.PutAsJsonAsync($"/api/concept-notes/{id}/screening", new
        {
            findings = new[] { new { item = "Complete", passed = true }, new { item = "Complete", passed = true } },
        }, Ct);
        await HttpAssert.ValidationProblemAsync(twice, "findings");
        await HttpAssert.ValidationProblemAsync(await fmu.PutAsJsonAsync($"/api/concept-notes/{id}/screening",
            new { findings = Array.Empty<object>() }, Ct), "findings");
        Assert.Equal(0, await api.WithDbAsync(db => db.Set<Domain.ConceptNotes.ScreeningCheck>().CountAsync(Ct)));

        await HttpAssert.OkJsonAsync(await fmu.ScreenAsync(id, failed: "EndorsedByGovernment"));
        var blocked = await HttpAssert.ProblemAsync(await fmu.NoteActAsync(id, "forwardToCommittee"), HttpStatusCode.Conflict);
        Assert.Contains("EndorsedByGovernment", blocked.GetProperty("detail").GetString());
        var note = await fmu.GetNoteAsync(id);
        var forward = note.GetProperty("allowedActions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "forwardToCommittee");
        Assert.False(forward.GetProperty("enabled").GetBoolean());

        await HttpAssert.ValidationProblemAsync(await fmu.NoteActAsync(id, "returnForRevision"), "comment");
        await HttpAssert.ValidationProblemAsync(await fmu.NoteActAsync(id, "declareIneligible", "  "), "comment");
        Assert.Equal("screening", (await fmu.GetNoteAsync(id)).Status());

        await HttpAssert.OkJsonAsync(await fmu.ScreenAsync(id));
        Assert.Equal("underCommitteeReview", (await fmu.NoteStepsAsync(id, "forwardToCommittee")).Status());
    }

    [Fact]
    public async Task A_resubmission_starts_a_new_screening_round()
    {
        var id = await government.CreatedNoteAsync();
        await government.NoteStepsAsync(id, "submit");
        await fmu.NoteStepsAsync(id, "startScreening");
        await HttpAssert.OkJsonAsync(await fmu.ScreenAsync(id));
        await fmu.NoteStepsAsync(id, "returnForRevision");
        await government.NoteStepsAsync(id, "resubmit");
        await fmu.NoteStepsAsync(id, "startScreening");

        await HttpAssert.ProblemAsync(await fmu.NoteActAsync(id, "forwardToCommittee"), HttpStatusCode.Conflict);
        var screening = await HttpAssert.OkJsonAsync(await fmu.GetAsync($"/api/concept-notes/{id}/screening", Ct));
        Assert.Equal(2, screening.GetProperty("currentRound").GetInt32());
        Assert.False(screening.GetProperty("allPassed").GetBoolean());
        Assert.All(screening.GetProperty("rounds")[0].GetProperty("items").EnumerateArray(), item =>
        {
            Assert.Equal(JsonValueKind.Null, item.GetProperty("passed").ValueKind);
            Assert.True(item.GetProperty("suggested").GetBoolean());
        });
    }

    [Fact]
    public async Task Ten_simultaneous_submits_give_one_transition_one_journal_entry_and_one_version()
    {
        var id = await government.CreatedNoteAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => api.CreateClientAsAsync("gov.mex")));

        var responses = await Task.WhenAll(clients.Select(c => c.NoteActAsync(id, "submit")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK),
            r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var journal = await api.WithDbAsync(db => db.WorkflowJournal.Where(j => j.Action == "submit").CountAsync(Ct));
        Assert.Equal(1, journal);
        Assert.Equal(1, await api.WithDbAsync(db => db.ConceptNoteVersions.CountAsync(Ct)));
        Assert.Equal(1, (await government.GetNoteAsync(id)).GetProperty("submissionCount").GetInt32());
        foreach (var client in clients) client.Dispose();
    }

    [Fact]
    public async Task An_edit_racing_a_submission_cannot_slip_in_after_the_version_was_kept()
    {
        var id = await government.CreatedNoteAsync();
        var edits = Enumerable.Range(0, 5).Select(i => government.UpdateNoteAsync(id,
            ConceptNoteTestSupport.CompleteNote().With("title", $"Racing edit {i}")));
        var submit = government.NoteActAsync(id, "submit");

        var responses = await Task.WhenAll(edits.Append(submit));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var note = await government.GetNoteAsync(id);
        if (note.Status() == "submitted")
        {
            var kept = await HttpAssert.OkJsonAsync(await government.GetAsync($"/api/concept-notes/{id}/versions/1", Ct));
            Assert.Equal(note.GetProperty("title").GetString(), kept.GetProperty("content").GetProperty("title").GetString());
        }
    }
}
