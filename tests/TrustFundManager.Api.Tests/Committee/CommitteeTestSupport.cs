using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Testing;
using TrustFundManager.Workflows;

namespace TrustFundManager.Api.Tests.Committee;

/// <summary>The Steering Committee through the API: the twelve demo members on their seats, ballots and votes.</summary>
internal static class CommitteeTestSupport
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record SeatHolder(string User, string Name, string Constituency, int Seat, string? Organization = null,
        string? Country = null, string? Body = null);

    /// <summary>The demo users of the committee, three per constituency.</summary>
    public static readonly SeatHolder[] Committee =
    [
        new("sc.iom", "Jonas Weber", "un-network", 1, Organization: "IOM"),
        new("sc.ohchr", "Fatima Zahra", "un-network", 2, Organization: "OHCHR"),
        new("sc.undp", "Hiroshi Tanaka", "un-network", 3, Organization: "UNDP"),
        new("sc.deu", "Katrin Schulz", "donors", 1, Country: "DEU"),
        new("sc.nld", "Pieter de Vries", "donors", 2, Country: "NLD"),
        new("sc.esp", "Lucía Fernández", "donors", 3, Country: "ESP"),
        new("sc.mex", "Ana López", "countries", 1, Country: "MEX"),
        new("sc.mar", "Youssef Alaoui", "countries", 2, Country: "MAR"),
        new("sc.bgd", "Rahima Begum", "countries", 3, Country: "BGD"),
        new("sc.mmc", "Sofia Costa", "stakeholders", 1, Body: "Mayors Migration Council"),
        new("sc.srhrm", "Tomás Rivera", "stakeholders", 2, Body: "Special Rapporteur on the Human Rights of Migrants"),
        new("sc.idc", "Grace Mwangi", "stakeholders", 3, Body: "International Detention Coalition"),
    ];

    public static IEnumerable<string> Users => Committee.Select(s => s.User);

    public static DateOnly Today(this TrustFundApiFactory api) => DateOnly.FromDateTime(api.Clock.GetUtcNow().UtcDateTime);

    public static Task<HttpResponseMessage> AppointAsync(this HttpClient fmu, SeatHolder seat, DateOnly start,
        DateOnly? end = null, string role = "Member") =>
        fmu.PostAsJsonAsync("/api/steering-committee/members", new
        {
            userId = seat.User, name = seat.Name, role, constituency = role == "Member" ? seat.Constituency : null,
            seat = role == "Member" ? seat.Seat : (int?)null, organization = seat.Organization, country = seat.Country,
            body = seat.Body, termStart = start, termEnd = end,
        }, Ct);

    /// <summary>The FMU seats all twelve, serving since 200 days ago.</summary>
    public static async Task AppointCommitteeAsync(this TrustFundApiFactory api)
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        foreach (var seat in Committee)
            await HttpAssert.OkJsonAsync(await fmu.AppointAsync(seat, api.Today().AddDays(-200)), HttpStatusCode.Created);
    }

    /// <summary>A complete note of <paramref name="government"/>'s country, screened and forwarded to the committee.</summary>
    public static async Task<Guid> NoteUnderReviewAsync(this TrustFundApiFactory api, string government = "gov.mex",
        JsonObject? content = null)
    {
        using var author = await api.CreateClientAsAsync(government);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var note = await author.CreatedNoteAsync(content);
        await author.NoteStepsAsync(note, "submit");
        await fmu.NoteStepsAsync(note, "startScreening");
        await HttpAssert.OkJsonAsync(await fmu.ScreenAsync(note));
        await fmu.NoteStepsAsync(note, "forwardToCommittee");
        return note;
    }

    /// <summary>A Ghanaian note with UNICEF and ILO: no committee member is recused from it.</summary>
    public static JsonObject NoteWithoutConflicts(string title = "Protection of migrant children") =>
        ConceptNoteTestSupport.CompleteNote("GHA", title).With("budget", new JsonArray(
            new JsonObject { ["organization"] = "UNICEF", ["amountUsd"] = 500_000.00m },
            new JsonObject { ["organization"] = "ILO", ["amountUsd"] = 500_000.00m }));

    public static Task<HttpResponseMessage> OpenBallotAsync(this HttpClient fmu, IEnumerable<Guid> notes,
        DateTimeOffset deadline, string title = "Written procedure 2026/4", string kind = "WrittenProcedure") =>
        fmu.PostAsJsonAsync("/api/ballots", new { title, kind, deadline, conceptNoteIds = notes }, Ct);

    public static async Task<Guid> OpenedBallotAsync(this TrustFundApiFactory api, params Guid[] notes)
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var ballot = await HttpAssert.OkJsonAsync(await fmu.OpenBallotAsync(notes, api.Clock.GetUtcNow().AddDays(7)),
            HttpStatusCode.Created);
        return ballot.GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> VoteAsync(this HttpClient member, Guid ballot, Guid note, string choice,
        string? conditions = null, string? reason = null, string? comment = null) =>
        member.PutAsJsonAsync($"/api/ballots/{ballot}/items/{note}/vote", new { choice, conditions, reason, comment }, Ct);

    public static async Task VoteAsAsync(this TrustFundApiFactory api, string user, Guid ballot, Guid note, string choice,
        string? conditions = null, string? reason = null)
    {
        using var member = await api.CreateClientAsAsync(user);
        await HttpAssert.OkJsonAsync(await member.VoteAsync(ballot, note, choice, conditions, reason));
    }

    public static async Task<JsonElement> GetBallotAsync(this HttpClient client, Guid ballot) =>
        await HttpAssert.OkJsonAsync(await client.GetAsync($"/api/ballots/{ballot}", Ct));

    public static JsonElement Item(this JsonElement ballot, Guid note) =>
        ballot.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("conceptNoteId").GetGuid() == note);

    /// <summary>Moves the clock past the deadline and lets the timer processor close what is due.</summary>
    public static async Task<int> PassDeadlineAsync(this TrustFundApiFactory api, TimeSpan by)
    {
        api.Clock.Advance(by);
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowTimerProcessor>().FireDueTimersAsync(Ct);
    }

    public static async Task<int> CountAsync<T>(this TrustFundApiFactory api) where T : class =>
        await api.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<T>(), Ct));
}
