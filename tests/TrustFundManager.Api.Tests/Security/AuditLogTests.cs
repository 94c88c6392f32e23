using System.Net;
using System.Text.Json;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Security;

/// <summary>
/// Finding 9: append-only records (deposits, transfers, decisions, versions, the journal) had no audit entry of their
/// own, so the log alone did not show a deposit's rate, fee or reference; and the log counted every entry for every
/// page it served.
/// </summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private readonly SqliteApiFactory api = new();
    private Guid programme;
    private Guid contribution;
    private string depositReference = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await api.AppointCommitteeAsync();
        var note = (await api.ApprovedNotesAsync(1)).Single();
        programme = (await api.ProgrammeAsync(note)).Id();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        await HttpAssert.OkJsonAsync(await fmu.TransferAsync(programme, "UNICEF", 300.00m, api.Today()), HttpStatusCode.Created);

        contribution = await api.CommittedContributionAsync(1_000.00m);
        depositReference = $"AA-{Guid.NewGuid():N}"[..20];
        await HttpAssert.OkJsonAsync(await fmu.DepositAsync(contribution, api.Today(), 400.00m, 1m, depositReference),
            HttpStatusCode.Created);
    }

    public ValueTask DisposeAsync() => api.DisposeAsync();

    [Fact]
    public async Task Finding9_EveryAppendOnlyRecordWrittenHasAnAuditEntryOfItsOwn()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");

        var deposit = (await EntriesAsync(fmu, "Deposit")).Single(e => Changed(e, "contributionId") == contribution.ToString());
        Assert.Equal("Added", deposit.GetProperty("action").GetString());
        Assert.Equal("fmu.officer", deposit.GetProperty("actor").GetString());
        Assert.Equal(depositReference, Changed(deposit, "reference"));
        Assert.Equal(1m, deposit.GetProperty("changes").GetProperty("rateToUsd").GetProperty("to").GetDecimal());
        Assert.Equal(4.00m, deposit.GetProperty("changes").GetProperty("feeUsd").GetProperty("to").GetDecimal());

        var transfer = (await EntriesAsync(fmu, "Transfer")).Single(e => Changed(e, "programmeId") == programme.ToString()
            && e.GetProperty("changes").GetProperty("amountUsd").GetProperty("to").GetDecimal() == 300.00m);
        Assert.Equal("UNICEF", Changed(transfer, "organization"));

        Assert.NotEmpty(await EntriesAsync(fmu, "CommitteeDecision"));
        Assert.NotEmpty(await EntriesAsync(fmu, "ConceptNoteVersion"));
        Assert.Contains(await EntriesAsync(fmu, "WorkflowJournalEntry"), e => Changed(e, "action") == "submit");
    }

    [Fact]
    public async Task Finding9_TheLogPagesByCursorWithoutCountingAndAgreesWithPagesByNumber()
    {
        using var admin = await api.CreateClientAsAsync("admin");

        var byNumber = new List<long>();
        for (var page = 1; page <= 3; page++)
            byNumber.AddRange(Ids(await HttpAssert.OkJsonAsync(
                await admin.GetAsync($"/api/audit-log?entityType=Country&pageSize=25&page={page}", Ct))));

        var first = await HttpAssert.OkJsonAsync(await admin.GetAsync("/api/audit-log?entityType=Country&pageSize=25", Ct));
        Assert.True(first.GetProperty("totalCount").GetInt32() >= 75);
        var byCursor = Ids(first).ToList();
        var next = first.GetProperty("nextBefore").GetInt64();
        for (var page = 2; page <= 3; page++)
        {
            var body = await HttpAssert.OkJsonAsync(
                await admin.GetAsync($"/api/audit-log?entityType=Country&pageSize=25&before={next}", Ct));
            Assert.Equal(JsonValueKind.Null, body.GetProperty("totalCount").ValueKind);
            byCursor.AddRange(Ids(body));
            next = body.GetProperty("nextBefore").GetInt64();
        }
        Assert.Equal(byNumber, byCursor);
        Assert.Equal(byCursor[^1], next);

        // The oldest entry has nothing older: its page says so.
        var oldest = await HttpAssert.OkJsonAsync(await admin.GetAsync("/api/audit-log?before=2&pageSize=10", Ct));
        Assert.Equal(JsonValueKind.Null, oldest.GetProperty("nextBefore").ValueKind);

        await HttpAssert.ValidationProblemAsync(await admin.GetAsync("/api/audit-log?before=0", Ct), "before");
        await HttpAssert.ValidationProblemAsync(await admin.GetAsync("/api/audit-log?before=abc", Ct), "before");
        await HttpAssert.ValidationProblemAsync(await admin.GetAsync($"/api/audit-log?before={next}&page=2", Ct), "page");
    }

    private static async Task<List<JsonElement>> EntriesAsync(HttpClient client, string entityType) =>
        (await HttpAssert.OkJsonAsync(await client.GetAsync($"/api/audit-log?entityType={entityType}&pageSize=200", Ct)))
        .GetProperty("items").EnumerateArray().ToList();

    private static string? Changed(JsonElement entry, string property) =>
        entry.GetProperty("changes").TryGetProperty(property, out var change) ? change.GetProperty("to").ToString() : null;

    private static IEnumerable<long> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64());
}
