using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Funding;

/// <summary>A host with the twelve committee members seated, shared by the tests of a class.</summary>
public sealed class FundingHost : IAsyncLifetime
{
    public SqliteApiFactory Api { get; } = new();

    public async ValueTask InitializeAsync() => await Api.AppointCommitteeAsync();

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}

/// <summary>The fund's money through the API, as the FMU records it: donors, contributions, allocations, transfers.</summary>
internal static class FundingTestSupport
{
    public const decimal FeeRate = 0.01m;
    public const decimal IndirectCostRate = 0.07m;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> Governments = new()
    {
        ["MEX"] = "gov.mex", ["PHL"] = "gov.phl", ["GHA"] = "gov.gha",
    };

    // ---- Donors and contributions -------------------------------------------------------------------------------

    public static Task<HttpResponseMessage> CreateDonorAsync(this HttpClient fmu, string name, string kind = "Government",
        string? country = "DEU") =>
        fmu.PostAsJsonAsync("/api/donors", new { name, kind, country }, Ct);

    public static async Task<Guid> CreatedDonorAsync(this HttpClient fmu, string name, string kind = "Government",
        string? country = "DEU") =>
        (await HttpAssert.OkJsonAsync(await fmu.CreateDonorAsync(name, kind, country), HttpStatusCode.Created)).Id();

    public static Task<HttpResponseMessage> PledgeAsync(this HttpClient fmu, Guid donor, DateOnly pledgedOn, decimal amount,
        string currency = "USD", decimal rateToUsd = 1m) =>
        fmu.PostAsJsonAsync("/api/contributions", new { donorId = donor, pledgedOn, amount, currency, rateToUsd }, Ct);

    public static async Task<Guid> PledgedAsync(this HttpClient fmu, Guid donor, DateOnly pledgedOn, decimal amount,
        string currency = "USD", decimal rateToUsd = 1m) =>
        (await HttpAssert.OkJsonAsync(await fmu.PledgeAsync(donor, pledgedOn, amount, currency, rateToUsd), HttpStatusCode.Created)).Id();

    public static Task<HttpResponseMessage> CommitAsync(this HttpClient fmu, Guid contribution, DateOnly signedOn, decimal amount,
        string currency = "USD", decimal rateToUsd = 1m, int? earmarkedAreaNumber = null, string? agreementReference = null) =>
        fmu.PostAsJsonAsync($"/api/contributions/{contribution}/commitment",
            new { signedOn, amount, currency, rateToUsd, earmarkedAreaNumber, agreementReference }, Ct);

    public static Task<HttpResponseMessage> DepositAsync(this HttpClient fmu, Guid contribution, DateOnly receivedOn, decimal amount,
        decimal rateToUsd = 1m, string? reference = null) =>
        fmu.PostAsJsonAsync($"/api/contributions/{contribution}/deposits",
            new { receivedOn, amount, rateToUsd, reference = reference ?? $"AA-{Guid.NewGuid():N}" }, Ct);

    public static async Task<JsonElement> GetContributionAsync(this HttpClient client, Guid contribution) =>
        await HttpAssert.OkJsonAsync(await client.GetAsync($"/api/contributions/{contribution}", Ct));

    /// <summary>A new donor's contribution pledged and committed today in USD, with nothing deposited yet.</summary>
    public static async Task<Guid> CommittedContributionAsync(this TrustFundApiFactory api, decimal amountUsd,
        int? earmarkedAreaNumber = null)
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var today = api.Today();
        var donor = await fmu.CreatedDonorAsync($"Donor {Guid.NewGuid():N}", "Private", null);
        var contribution = await fmu.PledgedAsync(donor, today, amountUsd);
        await HttpAssert.OkJsonAsync(await fmu.CommitAsync(contribution, today, amountUsd, earmarkedAreaNumber: earmarkedAreaNumber));
        return contribution;
    }

    /// <summary>
    /// Adds at least <paramref name="netUsd"/> to the free balance (one cent more at most): a new donor commits and
    /// deposits, in USD, the smallest amount whose net of the 1% fee reaches it.
    /// </summary>
    public static async Task<Guid> FundedAsync(this TrustFundApiFactory api, decimal netUsd, int? earmarkedAreaNumber = null)
    {
        var gross = Math.Ceiling(netUsd / (1 - FeeRate) * 100) / 100;
        while (Net(gross - 0.01m) >= netUsd) gross -= 0.01m;
        while (Net(gross) < netUsd) gross += 0.01m;
        var contribution = await api.CommittedContributionAsync(gross, earmarkedAreaNumber);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await HttpAssert.OkJsonAsync(await fmu.DepositAsync(contribution, api.Today(), gross), HttpStatusCode.Created);
        return contribution;
    }

    /// <summary>What a deposit of <paramref name="usd"/> adds to the funds: less the fee, rounded to the cent half away from zero.</summary>
    public static decimal Net(decimal usd) => usd - Cents(usd * FeeRate);

    public static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static decimal IndirectCostOf(decimal budgetUsd) => Cents(budgetUsd * IndirectCostRate / (1 + IndirectCostRate));

    // ---- Funding status and pipeline ----------------------------------------------------------------------------

    public static async Task<JsonElement> StatusAsync(this HttpClient client, DateOnly? asOf = null) =>
        await HttpAssert.OkJsonAsync(await client.GetAsync(
            asOf is { } day ? $"/api/funding-status?asOf={day:yyyy-MM-dd}" : "/api/funding-status", Ct));

    public static async Task<JsonElement> PipelineAsync(this HttpClient client) =>
        await HttpAssert.OkJsonAsync(await client.GetAsync("/api/pipeline", Ct));

    public static async Task<decimal> FreeBalanceAsync(this TrustFundApiFactory api)
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        return (await fmu.StatusAsync()).Usd("freeBalanceUsd");
    }

    // ---- Concept notes approved by the committee ----------------------------------------------------------------

    /// <summary>Ghanaian notes with UNICEF and ILO (500,000 USD each, area 4), approved together by one ballot.</summary>
    public static Task<Guid[]> ApprovedNotesAsync(this TrustFundApiFactory api, int count) =>
        api.ApprovedNotesAsync(Enumerable.Range(1, count)
            .Select(i => CommitteeTestSupport.NoteWithoutConflicts($"Protection of migrant children {i} ({Guid.NewGuid().ToString("N")[..8]})"))
            .ToArray());

    /// <summary>
    /// Each note written by its country's government, screened and put to one ballot; every member not recused
    /// approves every note and the FMU closes the ballot early. Needs the committee seated.
    /// </summary>
    public static async Task<Guid[]> ApprovedNotesAsync(this TrustFundApiFactory api, params JsonObject[] contents)
    {
        var notes = new List<Guid>();
        foreach (var content in contents)
            notes.Add(await api.NoteUnderReviewAsync(Governments[content["country"]!.GetValue<string>()], content));

        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var ballot = await HttpAssert.OkJsonAsync(await fmu.OpenBallotAsync(notes, api.Clock.GetUtcNow().AddDays(7),
            $"Written procedure {Guid.NewGuid():N}"), HttpStatusCode.Created);
        var ballotId = ballot.Id();
        foreach (var note in notes)
        {
            var recused = ballot.Item(note).GetProperty("recusals").EnumerateArray()
                .Select(r => r.GetProperty("member").GetString()).ToHashSet();
            await Task.WhenAll(CommitteeTestSupport.Committee.Where(s => !recused.Contains(s.Name))
                .Select(s => api.VoteAsAsync(s.User, ballotId, note, "Approve")));
        }
        await HttpAssert.OkJsonAsync(await fmu.PostAsync($"/api/ballots/{ballotId}/actions/closeEarly", null, Ct));
        foreach (var note in notes) Assert.Equal("approvedInPipeline", (await fmu.GetNoteAsync(note)).Status());
        return notes.ToArray();
    }

    // ---- Allocations, transfers, expenditure --------------------------------------------------------------------

    public static object[] Budget(params (string Organization, decimal AmountUsd)[] shares) =>
        shares.Select(s => (object)new { organization = s.Organization, amountUsd = s.AmountUsd }).ToArray();

    public static Task<HttpResponseMessage> AllocateAsync(this HttpClient fmu, Guid note, object[]? budget = null,
        string? comment = null) =>
        fmu.PostAsJsonAsync("/api/allocations", new { conceptNoteId = note, budget, comment }, Ct);

    /// <summary>Funds <paramref name="note"/> with a budget of its UNICEF and ILO, after adding the money it needs.</summary>
    public static async Task<JsonElement> ProgrammeAsync(this TrustFundApiFactory api, Guid note, decimal unicefUsd = 500m,
        decimal iloUsd = 500m)
    {
        await api.FundedAsync(unicefUsd + iloUsd);
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        return await HttpAssert.OkJsonAsync(await fmu.AllocateAsync(note, Budget(("UNICEF", unicefUsd), ("ILO", iloUsd))),
            HttpStatusCode.Created);
    }

    public static Task<HttpResponseMessage> TransferAsync(this HttpClient fmu, Guid programme, string organization, decimal amountUsd,
        DateOnly transferredOn, string? reference = null) =>
        fmu.PostAsJsonAsync($"/api/joint-programmes/{programme}/transfers",
            new { organization, amountUsd, transferredOn, reference = reference ?? $"MPTF-{Guid.NewGuid():N}" }, Ct);

    public static Task<HttpResponseMessage> ReportExpenditureAsync(this HttpClient client, Guid programme, string organization,
        int year, decimal amountUsd) =>
        client.PutAsJsonAsync($"/api/joint-programmes/{programme}/expenditure/{organization}/{year}", new { amountUsd }, Ct);

    public static Task<HttpResponseMessage> ProgrammeActAsync(this HttpClient fmu, Guid programme, string action,
        string? comment = null) =>
        fmu.PostAsJsonAsync($"/api/joint-programmes/{programme}/actions/{action}", new { comment }, Ct);

    public static async Task<JsonElement> GetProgrammeAsync(this HttpClient client, Guid programme) =>
        await HttpAssert.OkJsonAsync(await client.GetAsync($"/api/joint-programmes/{programme}", Ct));

    public static JsonElement Line(this JsonElement programme, string organization) =>
        programme.GetProperty("budget").EnumerateArray().Single(b => b.GetProperty("organization").GetString() == organization);

    // ---- Reading bodies -----------------------------------------------------------------------------------------

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static decimal Usd(this JsonElement element, string property) => element.GetProperty(property).GetDecimal();

    public static decimal? Rate(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetDecimal();

    public static decimal SumOf(this JsonElement array, string property) =>
        array.EnumerateArray().Sum(e => e.GetProperty(property).GetDecimal());

    public static IReadOnlyList<string> Errors(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(p => p.Name).ToList() : [];

    public static async Task<JsonElement> ConflictAsync(HttpResponseMessage response, params string[] fields)
    {
        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        foreach (var field in fields)
            Assert.True(problem.Errors().Contains(field), $"Expected an error for '{field}'; errors were: {string.Join(", ", problem.Errors())}");
        return problem;
    }

    /// <summary>
    /// The funding status adds up: net is deposits less the fee, the free balance is net less allocations, the
    /// delivery rate is expenditure over transfers, and every breakdown sums exactly to the totals.
    /// </summary>
    public static void AssertReconciles(JsonElement status)
    {
        var (pledged, committed, deposited, fee, net) = (status.Usd("pledgedUsd"), status.Usd("committedUsd"),
            status.Usd("depositedUsd"), status.Usd("administrativeAgentFeeUsd"), status.Usd("netFundedUsd"));
        var (allocated, transferred, spent) = (status.Usd("allocatedUsd"), status.Usd("transferredUsd"), status.Usd("expenditureUsd"));

        Assert.Equal(deposited - fee, net);
        Assert.Equal(net - allocated, status.Usd("freeBalanceUsd"));
        Assert.Equal(net - transferred, status.Usd("cashBalanceUsd"));
        Assert.Equal(transferred == 0 ? null : decimal.Round(spent / transferred, 4, MidpointRounding.AwayFromZero),
            status.Rate("deliveryRate"));

        var donors = status.GetProperty("byDonor");
        Assert.Equal(pledged, donors.SumOf("pledgedUsd"));
        Assert.Equal(committed, donors.SumOf("committedUsd"));
        Assert.Equal(deposited, donors.SumOf("depositedUsd"));
        Assert.Equal(fee, donors.SumOf("administrativeAgentFeeUsd"));
        Assert.Equal(net, donors.SumOf("netFundedUsd"));
        foreach (var donor in donors.EnumerateArray())
            Assert.Equal(donor.Usd("depositedUsd") - donor.Usd("administrativeAgentFeeUsd"), donor.Usd("netFundedUsd"));

        var areas = status.GetProperty("byThematicArea");
        Assert.Equal(committed, areas.SumOf("committedUsd"));
        Assert.Equal(net, areas.SumOf("netDepositedUsd"));
        Assert.Equal(allocated, areas.SumOf("allocatedUsd"));
        Assert.Equal(transferred, areas.SumOf("transferredUsd"));
        Assert.Equal(spent, areas.SumOf("expenditureUsd"));
        Assert.Equal(status.Usd("freeBalanceUsd"), areas.SumOf("freeBalanceUsd"));

        foreach (var breakdown in new[] { "byCountry", "byOrganization" })
        {
            var rows = status.GetProperty(breakdown);
            Assert.Equal(allocated, rows.SumOf("allocatedUsd"));
            Assert.Equal(transferred, rows.SumOf("transferredUsd"));
            Assert.Equal(spent, rows.SumOf("expenditureUsd"));
            foreach (var row in rows.EnumerateArray())
                Assert.Equal(row.Usd("transferredUsd") == 0
                    ? null
                    : decimal.Round(row.Usd("expenditureUsd") / row.Usd("transferredUsd"), 4, MidpointRounding.AwayFromZero),
                    row.Rate("deliveryRate"));
        }
    }

    /// <summary>Ranks 1..n by score, the cumulative gap as a running sum, and the free balance's reach consistent with it.</summary>
    public static void AssertConsistentPipeline(JsonElement pipeline)
    {
        var rows = pipeline.GetProperty("rows").EnumerateArray().ToList();
        var free = pipeline.Usd("freeBalanceUsd");
        var cumulative = 0m;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            Assert.Equal(i + 1, row.GetProperty("rank").GetInt32());
            cumulative += row.Usd("fundingGapUsd");
            Assert.Equal(cumulative, row.Usd("cumulativeGapUsd"));
            Assert.Equal(cumulative <= free, row.GetProperty("withinFreeBalance").GetBoolean());
            Assert.Equal(row.Usd("fundingGapUsd") <= row.Usd("availableToAreaUsd"), row.GetProperty("fundableNow").GetBoolean());
            var score = row.GetProperty("score");
            // The parts are shown to 4 decimals and the total to 2, so the total is their weighted sum within a cent.
            Assert.InRange(Math.Abs(40 * score.Usd("waiting") + 30 * score.Usd("thematicBalance")
                                    + 30 * score.Usd("geographicBalance") - score.Usd("total")), 0m, 0.01m);
            if (i > 0) Assert.True(rows[i - 1].GetProperty("score").Usd("total") >= score.Usd("total"), "The pipeline is ranked by score.");
        }
        Assert.Equal(cumulative, pipeline.Usd("totalGapUsd"));
        Assert.Equal(pipeline.Usd("unearmarkedUsd") + pipeline.GetProperty("earmarkedUsd").EnumerateObject().Sum(p => p.Value.GetDecimal()),
            free);
    }
}
