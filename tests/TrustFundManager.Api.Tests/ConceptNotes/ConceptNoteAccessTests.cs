using System.Net;
using System.Net.Http.Json;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.ConceptNotes;

/// <summary>
/// Who sees and does what, role by action: a government only its own country's notes (another's answer 404),
/// committee members only from committee review on, organizations the notes they take part in, the FMU all.
/// </summary>
public sealed class ConceptNoteAccessTests : IAsyncLifetime
{
    private readonly SqliteApiFactory api = new();
    private Guid mexicanDraft;
    private Guid mexicanUnderReview;
    private Guid philippineDraft;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        using var mexico = await api.CreateClientAsAsync("gov.mex");
        using var philippines = await api.CreateClientAsAsync("gov.phl");
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        mexicanDraft = await mexico.CreatedNoteAsync();
        mexicanUnderReview = await mexico.CreatedNoteAsync(ConceptNoteTestSupport.CompleteNote(title: "Before the committee"));
        philippineDraft = await philippines.CreatedNoteAsync(ConceptNoteTestSupport.CompleteNote("PHL", "Reintegration of returnees"));
        await mexico.NoteStepsAsync(mexicanUnderReview, "submit");
        await fmu.NoteStepsAsync(mexicanUnderReview, "startScreening");
        await HttpAssert.OkJsonAsync(await fmu.ScreenAsync(mexicanUnderReview));
        await fmu.NoteStepsAsync(mexicanUnderReview, "forwardToCommittee");
    }

    public ValueTask DisposeAsync() => api.DisposeAsync();

    [Theory]
    [InlineData("gov.mex", HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData("gov.phl", HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    [InlineData("fmu.officer", HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData("puno.iom", HttpStatusCode.OK, HttpStatusCode.OK)]
    [InlineData("puno.unicef", HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    [InlineData("sc.iom", HttpStatusCode.NotFound, HttpStatusCode.OK)]
    [InlineData("sc.deu", HttpStatusCode.NotFound, HttpStatusCode.OK)]
    public async Task Reading_a_note_and_everything_about_it(string user, HttpStatusCode draft, HttpStatusCode underReview)
    {
        using var client = await api.CreateClientAsAsync(user);
        foreach (var (note, expected) in new[] { (mexicanDraft, draft), (mexicanUnderReview, underReview) })
        foreach (var path in new[] { "", "/history", "/versions", "/screening" })
        {
            var response = await client.GetAsync($"/api/concept-notes/{note}{path}", Ct);
            Assert.True(expected == response.StatusCode, $"{user} GET {path}: expected {expected}, got {response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_list_shows_each_caller_only_what_they_may_see()
    {
        async Task<HashSet<Guid>> SeenBy(string user)
        {
            using var client = await api.CreateClientAsAsync(user);
            var page = await HttpAssert.OkJsonAsync(await client.GetAsync("/api/concept-notes", Ct));
            return page.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetGuid()).ToHashSet();
        }

        Assert.Equal([mexicanDraft, mexicanUnderReview], await SeenBy("gov.mex"));
        Assert.Equal([philippineDraft], await SeenBy("gov.phl"));
        Assert.Equal([mexicanDraft, mexicanUnderReview, philippineDraft], await SeenBy("fmu.officer"));
        Assert.Equal([mexicanUnderReview], await SeenBy("sc.mmc"));
        Assert.Equal([mexicanDraft, mexicanUnderReview, philippineDraft], await SeenBy("puno.iom"));
        Assert.Empty(await SeenBy("puno.unicef"));
    }

    [Theory]
    [InlineData("gov.mex", "MEX", HttpStatusCode.Created)]
    [InlineData("gov.mex", "PHL", HttpStatusCode.Forbidden)]
    [InlineData("fmu.officer", "PHL", HttpStatusCode.Created)]
    [InlineData("puno.iom", "MEX", HttpStatusCode.Forbidden)]
    [InlineData("sc.mex", "MEX", HttpStatusCode.Forbidden)]
    [InlineData("admin", "MEX", HttpStatusCode.Forbidden)]
    public async Task Drafting_is_for_a_government_in_its_own_country_or_the_FMU(string user, string country,
        HttpStatusCode expected)
    {
        using var client = await api.CreateClientAsAsync(user);
        var before = await CountNotesAsync();
        var response = await client.CreateNoteAsync(ConceptNoteTestSupport.CompleteNote(country));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before + (expected == HttpStatusCode.Created ? 1 : 0), await CountNotesAsync());
    }

    [Theory]
    [InlineData("gov.mex", HttpStatusCode.OK)]
    [InlineData("fmu.officer", HttpStatusCode.OK)]
    [InlineData("gov.phl", HttpStatusCode.NotFound)]
    [InlineData("puno.iom", HttpStatusCode.Forbidden)]
    [InlineData("sc.iom", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    public async Task Editing_a_draft(string user, HttpStatusCode expected)
    {
        using var client = await api.CreateClientAsAsync(user);
        var response = await client.UpdateNoteAsync(mexicanDraft,
            ConceptNoteTestSupport.CompleteNote().With("title", $"Edited by {user}"));
        Assert.Equal(expected, response.StatusCode);

        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var title = (await fmu.GetNoteAsync(mexicanDraft)).GetProperty("title").GetString();
        Assert.Equal(expected == HttpStatusCode.OK ? $"Edited by {user}" : "Safe labour migration corridors", title);
    }

    [Theory]
    [InlineData("gov.mex", "submit", HttpStatusCode.OK)]
    [InlineData("fmu.officer", "submit", HttpStatusCode.OK)]
    [InlineData("gov.phl", "submit", HttpStatusCode.NotFound)]
    [InlineData("puno.iom", "submit", HttpStatusCode.Forbidden)]
    [InlineData("sc.iom", "submit", HttpStatusCode.NotFound)]
    [InlineData("gov.mex", "startScreening", HttpStatusCode.Forbidden)]
    [InlineData("fmu.officer", "startScreening", HttpStatusCode.Conflict)]
    [InlineData("fmu.officer", "forwardToCommittee", HttpStatusCode.Conflict)]
    [InlineData("gov.mex", "approve", HttpStatusCode.Forbidden)]
    [InlineData("fmu.officer", "approve", HttpStatusCode.Forbidden)]
    [InlineData("gov.mex", "noSuchAction", HttpStatusCode.NotFound)]
    public async Task Acting_on_a_draft(string user, string action, HttpStatusCode expected)
    {
        using var client = await api.CreateClientAsAsync(user);
        var response = await client.NoteActAsync(mexicanDraft, action);
        Assert.Equal(expected, response.StatusCode);

        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        Assert.Equal(expected == HttpStatusCode.OK ? "submitted" : "draft", (await fmu.GetNoteAsync(mexicanDraft)).Status());
    }

    [Fact]
    public async Task Only_the_FMU_screens_and_a_government_may_not_act_for_the_FMU()
    {
        using var mexico = await api.CreateClientAsAsync("gov.mex");
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await mexico.NoteStepsAsync(mexicanDraft, "submit");

        Assert.Equal(HttpStatusCode.Forbidden, (await mexico.NoteActAsync(mexicanDraft, "startScreening")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mexico.ScreenAsync(mexicanDraft)).StatusCode);
        await fmu.NoteStepsAsync(mexicanDraft, "startScreening");
        Assert.Equal(HttpStatusCode.Forbidden, (await mexico.ScreenAsync(mexicanDraft)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mexico.NoteActAsync(mexicanDraft, "forwardToCommittee")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mexico.NoteActAsync(mexicanDraft, "returnForRevision", "no")).StatusCode);

        var screening = await HttpAssert.OkJsonAsync(await mexico.GetAsync($"/api/concept-notes/{mexicanDraft}/screening", Ct));
        Assert.All(screening.GetProperty("rounds")[0].GetProperty("items").EnumerateArray(),
            item => Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("passed").ValueKind));
    }

    [Fact]
    public async Task A_committee_member_sees_the_note_under_review_but_cannot_act_on_it()
    {
        using var member = await api.CreateClientAsAsync("sc.deu");
        var note = await member.GetNoteAsync(mexicanUnderReview);
        Assert.Equal("underCommitteeReview", note.Status());
        Assert.Empty(note.ActionNames());
        Assert.Equal(HttpStatusCode.Forbidden, (await member.UpdateNoteAsync(mexicanUnderReview,
            ConceptNoteTestSupport.CompleteNote())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.NoteActAsync(mexicanUnderReview, "approve")).StatusCode);
    }

    private Task<int> CountNotesAsync() =>
        api.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.ConceptNotes, Ct));
}
