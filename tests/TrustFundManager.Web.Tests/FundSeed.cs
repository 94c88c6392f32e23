using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustFundManager.Testing;

namespace TrustFundManager.Web.Tests;

/// <summary>
/// The fund's money and committee, written through the API as its users would: the twelve demo members seated,
/// two donors (one in euros) with commitments and deposits, a funding target, two Ghanaian notes approved by a
/// closed ballot (one funded as a joint programme with a transfer and expenditure, one waiting in the pipeline), and
/// a third note on a ballot still open. Ghana's government and UNICEF are the users these records belong to.
/// </summary>
public static class FundSeed
{
    public const string FundedNoteTitle = "Protection of migrant children in transit";
    public const string PipelineNoteTitle = "Labour mobility for young Ghanaians";
    public const string BallotNoteTitle = "Community integration in Accra";
    public const string OpenBallotTitle = "Written procedure 2026/7";
    public const string ClosedBallotTitle = "Written procedure 2026/6";
    public const string TargetTitle = "Capitalization 2027";

    private static readonly (string User, string Name, string Constituency, int Seat, string? Organization, string? Country, string? Body)[] Seats =
    [
        ("sc.iom", "Jonas Weber", "un-network", 1, "IOM", null, null),
        ("sc.ohchr", "Fatima Zahra", "un-network", 2, "OHCHR", null, null),
        ("sc.undp", "Hiroshi Tanaka", "un-network", 3, "UNDP", null, null),
        ("sc.deu", "Katrin Schulz", "donors", 1, null, "DEU", null),
        ("sc.nld", "Pieter de Vries", "donors", 2, null, "NLD", null),
        ("sc.esp", "Lucía Fernández", "donors", 3, null, "ESP", null),
        ("sc.mex", "Ana López", "countries", 1, null, "MEX", null),
        ("sc.mar", "Youssef Alaoui", "countries", 2, null, "MAR", null),
        ("sc.bgd", "Rahima Begum", "countries", 3, null, "BGD", null),
        ("sc.mmc", "Sofia Costa", "stakeholders", 1, null, null, "Mayors Migration Council"),
        ("sc.srhrm", "Tomás Rivera", "stakeholders", 2, null, null, "Special Rapporteur on the Human Rights of Migrants"),
        ("sc.idc", "Grace Mwangi", "stakeholders", 3, null, null, "International Detention Coalition"),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Writes the records and returns their ids.</summary>
    public static async Task<FundRecords> WriteAsync(TrustFundApiFactory host)
    {
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        using var fmu = await host.CreateClientAsAsync("fmu.officer");
        await SeatMembersAsync(host);

        var funded = await NoteUnderReviewAsync(host, fmu, FundedNoteTitle, thematicArea: 2, objectives: [7, 12]);
        var pipeline = await NoteUnderReviewAsync(host, fmu, PipelineNoteTitle, thematicArea: 4, objectives: [5, 6]);
        var balloted = await NoteUnderReviewAsync(host, fmu, BallotNoteTitle, thematicArea: 5, objectives: [16]);

        var closed = (await Ok(await fmu.PostAsJsonAsync("/api/ballots", new
        {
            title = ClosedBallotTitle, kind = "WrittenProcedure", deadline = host.Clock.GetUtcNow().AddDays(7),
            conceptNoteIds = new[] { funded, pipeline },
        }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        foreach (var member in Seats.Select(s => s.User))
        {
            using var client = await host.CreateClientAsAsync(member);
            foreach (var note in new[] { funded, pipeline })
                await Ok(await client.PutAsJsonAsync($"/api/ballots/{closed}/items/{note}/vote",
                    new { choice = "Approve", comment = "Sound design." }, Ct));
        }
        await Ok(await fmu.PostAsync($"/api/ballots/{closed}/actions/closeEarly", null, Ct));

        var open = (await Ok(await fmu.PostAsJsonAsync("/api/ballots", new
        {
            title = OpenBallotTitle, kind = "WrittenProcedure", deadline = host.Clock.GetUtcNow().AddDays(10),
            conceptNoteIds = new[] { balloted },
        }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await Ok(await fmu.PostAsJsonAsync("/api/funding-targets",
            new { title = TargetTitle, amountUsd = 25_000_000.00m, dueOn = today.AddDays(365) }, Ct), HttpStatusCode.Created);
        await ContributeAsync(fmu, "Germany", "DEU", today, committed: 1_500_000.00m, deposited: 1_200_000.00m, "USD", 1m);
        await ContributeAsync(fmu, "Netherlands", "NLD", today, committed: 800_000.00m, deposited: 500_000.00m, "EUR", 1.0825m);

        var programme = (await Ok(await fmu.PostAsJsonAsync("/api/allocations", new
        {
            conceptNoteId = funded,
            budget = new[] { new { organization = "UNICEF", amountUsd = 600_000.00m }, new { organization = "ILO", amountUsd = 400_000.00m } },
            comment = "Funded from the first capitalization.",
        }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Ok(await fmu.PostAsJsonAsync($"/api/joint-programmes/{programme}/transfers", new
        {
            organization = "UNICEF", amountUsd = 300_000.00m, transferredOn = today, reference = "MPTF-2026-0042",
        }, Ct), HttpStatusCode.Created);
        using var unicef = await host.CreateClientAsAsync("puno.unicef");
        await Ok(await unicef.PutAsJsonAsync($"/api/joint-programmes/{programme}/expenditure/UNICEF/{today.Year}",
            new { amountUsd = 123_456.78m }, Ct));

        return new FundRecords(funded, pipeline, balloted, programme, open);
    }

    private static async Task ContributeAsync(HttpClient fmu, string name, string country, DateOnly today, decimal committed,
        decimal deposited, string currency, decimal rate)
    {
        var donor = (await Ok(await fmu.PostAsJsonAsync("/api/donors", new { name, kind = "Government", country }, Ct),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var contribution = (await Ok(await fmu.PostAsJsonAsync("/api/contributions",
            new { donorId = donor, pledgedOn = today, amount = committed, currency, rateToUsd = rate }, Ct),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Ok(await fmu.PostAsJsonAsync($"/api/contributions/{contribution}/commitment",
            new { signedOn = today, amount = committed, currency, rateToUsd = rate, agreementReference = $"{country}-2026" }, Ct));
        await Ok(await fmu.PostAsJsonAsync($"/api/contributions/{contribution}/deposits",
            new { receivedOn = today, amount = deposited, rateToUsd = rate, reference = $"AA-{country}-1" }, Ct),
            HttpStatusCode.Created);
    }

    /// <summary>The demo users who sit on the committee, by sign-in id.</summary>
    public static IReadOnlyList<string> Members { get; } = Seats.Select(s => s.User).ToList();

    /// <summary>Appoints the twelve demo members to their seats, from 200 days ago.</summary>
    public static async Task SeatMembersAsync(TrustFundApiFactory host)
    {
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        using var fmu = await host.CreateClientAsAsync("fmu.officer");
        foreach (var seat in Seats)
        {
            await Ok(await fmu.PostAsJsonAsync("/api/steering-committee/members", new
            {
                userId = seat.User, name = seat.Name, role = "Member", constituency = seat.Constituency, seat = seat.Seat,
                organization = seat.Organization, country = seat.Country, body = seat.Body,
                termStart = today.AddDays(-200), termEnd = (DateOnly?)null,
            }, Ct), HttpStatusCode.Created);
        }
    }

    /// <summary>
    /// A complete Ghanaian note, screened and forwarded: with UNICEF and ILO by default (no member is recused), or
    /// with the <paramref name="organizations"/> given (IOM recuses its member).
    /// </summary>
    public static async Task<Guid> NoteUnderReviewAsync(TrustFundApiFactory host, HttpClient fmu, string title,
        int thematicArea, int[] objectives, string[]? organizations = null)
    {
        using var ghana = await host.CreateClientAsAsync("gov.gha");
        var note = WebAppFixture.CompleteNote(title);
        note["country"] = "GHA";
        note["thematicAreaNumber"] = thematicArea;
        note["gcmObjectives"] = new JsonArray(objectives.Select(o => (JsonNode)o).ToArray());
        var (first, second) = organizations is [var a, var b] ? (a, b) : ("UNICEF", "ILO");
        note["budget"] = new JsonArray(
            new JsonObject { ["organization"] = first, ["amountUsd"] = 600_000.00m },
            new JsonObject { ["organization"] = second, ["amountUsd"] = 400_000.00m });
        var id = (await Ok(await ghana.PostAsync("/api/concept-notes", HttpAssert.JsonBody(note.ToJsonString()), Ct),
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Ok(await ghana.PostAsJsonAsync($"/api/concept-notes/{id}/actions/submit", new { }, Ct));
        await Ok(await fmu.PostAsJsonAsync($"/api/concept-notes/{id}/actions/startScreening", new { }, Ct));
        await Ok(await fmu.PutAsJsonAsync($"/api/concept-notes/{id}/screening", new
        {
            findings = new[] { "Complete", "WithinCeilings", "AtLeastTwoOrganizations", "MarkersScored", "EndorsedByGovernment" }
                .Select(item => new { item, passed = true, comment = (string?)null }),
        }, Ct));
        await Ok(await fmu.PostAsJsonAsync($"/api/concept-notes/{id}/actions/forwardToCommittee",
            new { comment = "Eligible on every point of the checklist." }, Ct));
        return id;
    }

    private static Task<JsonElement> Ok(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK) =>
        HttpAssert.OkJsonAsync(response, status);
}

/// <summary>The ids of what <see cref="FundSeed"/> wrote.</summary>
public sealed record FundRecords(Guid FundedNote, Guid PipelineNote, Guid BallotNote, Guid Programme, Guid OpenBallot);
