using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Funding;

/// <summary>Two funded programmes: Mexico's (IOM and ILO) and Ghana's (UNICEF and ILO), each with a first tranche.</summary>
public sealed class FundedProgrammesHost : IAsyncLifetime
{
    public SqliteApiFactory Api { get; } = new();
    public Guid Mexican { get; private set; }
    public Guid Ghanaian { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await Api.AppointCommitteeAsync();
        var notes = await Api.ApprovedNotesAsync(ConceptNoteTestSupport.CompleteNote("MEX"), CommitteeTestSupport.NoteWithoutConflicts());
        await Api.FundedAsync(2_000_000.00m);
        using var fmu = await Api.CreateClientAsAsync("fmu.officer");
        Mexican = (await HttpAssert.OkJsonAsync(await fmu.AllocateAsync(notes[0]), HttpStatusCode.Created)).Id();
        Ghanaian = (await HttpAssert.OkJsonAsync(await fmu.AllocateAsync(notes[1]), HttpStatusCode.Created)).Id();
        foreach (var (programme, organization) in new[] { (Mexican, "IOM"), (Mexican, "ILO"), (Ghanaian, "UNICEF"), (Ghanaian, "ILO") })
            await HttpAssert.OkJsonAsync(await fmu.TransferAsync(programme, organization, 100_000.00m, Api.Today()), HttpStatusCode.Created);
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}

/// <summary>
/// Who reads and moves the fund's money: the FMU manages it; administrators and the committee read it; governments
/// and organizations see only their own programmes (another's answers 404) and never the fund's books.
/// </summary>
public sealed class FundingAccessTests(FundedProgrammesHost host) : IClassFixture<FundedProgrammesHost>
{
    private readonly SqliteApiFactory api = host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] FundBooks =
        ["/api/funding-status", "/api/pipeline", "/api/donors", "/api/contributions", "/api/funding-targets"];

    [Theory]
    [InlineData("gov.mex")]
    [InlineData("gov.gha")]
    [InlineData("puno.iom")]
    [InlineData("puno.unicef")]
    public async Task Governments_and_organizations_do_not_read_the_funds_books(string user)
    {
        using var client = await api.CreateClientAsAsync(user);
        foreach (var path in FundBooks)
        {
            var response = await client.GetAsync(path, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} GET {path}: {response.StatusCode}");
        }
        var contribution = await api.WithDbAsync(db => db.Contributions.FirstAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/contributions/{contribution.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/donors/{contribution.DonorId}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("sc.deu")]
    [InlineData("admin")]
    [InlineData("fmu.finance")]
    public async Task The_committee_administrators_and_the_FMU_read_the_funds_books(string user)
    {
        using var client = await api.CreateClientAsAsync(user);
        foreach (var path in FundBooks) await HttpAssert.OkJsonAsync(await client.GetAsync(path, Ct));
        var status = await client.StatusAsync();
        Assert.Equal(2_000_000.00m, status.Usd("allocatedUsd"));
        FundingTestSupport.AssertReconciles(status);
        Assert.Equal(2, status.GetProperty("byCountry").GetArrayLength());
    }

    [Theory]
    [InlineData("sc.deu")]
    [InlineData("admin")]
    [InlineData("gov.mex")]
    [InlineData("puno.iom")]
    public async Task Only_the_FMU_records_money_and_allocates(string user)
    {
        var note = await api.NoteUnderReviewAsync("gov.gha", CommitteeTestSupport.NoteWithoutConflicts($"Refused to {user}"));
        var contribution = await api.WithDbAsync(db => db.Contributions.FirstAsync(Ct));
        var (donors, programmes, transfers) = await api.WithDbAsync(async db => (
            await db.Donors.CountAsync(Ct),
            await db.JointProgrammes.CountAsync(Ct),
            await db.Transfers.CountAsync(Ct)));
        using var client = await api.CreateClientAsAsync(user);

        var refused = new[]
        {
            await client.CreateDonorAsync($"Donor of {user}", "Private", null),
            await client.PledgeAsync(contribution.DonorId, api.Today(), 100.00m),
            await client.DepositAsync(contribution.Id, api.Today(), 1.00m),
            await client.PostAsJsonAsync("/api/funding-targets", new { title = "Mine", amountUsd = 1_000m, dueOn = new DateOnly(2099, 12, 31) }, Ct),
            await client.AllocateAsync(note),
            await client.TransferAsync(host.Mexican, "IOM", 1.00m, api.Today()),
            await client.ProgrammeActAsync(host.Mexican, "suspend", "Not mine to do"),
        };

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal((donors, programmes, transfers), await api.WithDbAsync(async db => (
            await db.Donors.CountAsync(Ct),
            await db.JointProgrammes.CountAsync(Ct),
            await db.Transfers.CountAsync(Ct))));
    }

    [Fact]
    public async Task A_government_sees_its_own_countrys_programme_and_not_anothers()
    {
        using var mexico = await api.CreateClientAsAsync("gov.mex");

        var own = await mexico.GetProgrammeAsync(host.Mexican);
        Assert.Equal(("MEX", 1_000_000.00m, 200_000.00m), (own.GetProperty("country").GetString(), own.Usd("allocatedUsd"),
            own.Usd("transferredUsd")));
        await HttpAssert.OkJsonAsync(await mexico.GetAsync($"/api/joint-programmes/{host.Mexican}/history", Ct));
        var listed = await HttpAssert.OkJsonAsync(await mexico.GetAsync("/api/joint-programmes", Ct));
        Assert.Equal([host.Mexican], listed.GetProperty("items").EnumerateArray().Select(p => p.Id()));
        Assert.Equal(1, listed.GetProperty("totalCount").GetInt32());
        var filtered = await HttpAssert.OkJsonAsync(await mexico.GetAsync("/api/joint-programmes?country=GHA", Ct));
        Assert.Equal(0, filtered.GetProperty("totalCount").GetInt32());

        var other = await HttpAssert.ProblemAsync(await mexico.GetAsync($"/api/joint-programmes/{host.Ghanaian}", Ct), HttpStatusCode.NotFound);
        Assert.Contains($"There is no joint programme {host.Ghanaian}", other.GetProperty("detail").GetString());
        await HttpAssert.ProblemAsync(await mexico.GetAsync($"/api/joint-programmes/{host.Ghanaian}/history", Ct), HttpStatusCode.NotFound);

        using var ghana = await api.CreateClientAsAsync("gov.gha");
        Assert.Equal([host.Ghanaian], (await HttpAssert.OkJsonAsync(await ghana.GetAsync("/api/joint-programmes", Ct)))
            .GetProperty("items").EnumerateArray().Select(p => p.Id()));
        await HttpAssert.ProblemAsync(await ghana.GetAsync($"/api/joint-programmes/{host.Mexican}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_organization_sees_the_programmes_it_takes_part_in_and_the_committee_sees_all()
    {
        using var unicef = await api.CreateClientAsAsync("puno.unicef");
        await unicef.GetProgrammeAsync(host.Ghanaian);
        await HttpAssert.ProblemAsync(await unicef.GetAsync($"/api/joint-programmes/{host.Mexican}", Ct), HttpStatusCode.NotFound);
        Assert.Equal([host.Ghanaian], (await HttpAssert.OkJsonAsync(await unicef.GetAsync("/api/joint-programmes", Ct)))
            .GetProperty("items").EnumerateArray().Select(p => p.Id()));

        // Not in Mexico's programme, UNICEF cannot report on it either: the programme does not exist for it.
        await HttpAssert.ProblemAsync(await unicef.ReportExpenditureAsync(host.Mexican, "UNICEF", api.Today().Year, 1.00m),
            HttpStatusCode.NotFound);

        using var member = await api.CreateClientAsAsync("sc.deu");
        var all = await HttpAssert.OkJsonAsync(await member.GetAsync("/api/joint-programmes", Ct));
        Assert.Equal(new[] { host.Ghanaian, host.Mexican }.Order(), all.GetProperty("items").EnumerateArray().Select(p => p.Id()).Order());
    }

    [Fact]
    public async Task An_organization_reports_only_its_own_expenditure()
    {
        using var iom = await api.CreateClientAsAsync("puno.iom");
        var year = api.Today().Year;

        var forbidden = await HttpAssert.ProblemAsync(await iom.ReportExpenditureAsync(host.Mexican, "ILO", year, 1_000.00m),
            HttpStatusCode.Forbidden);
        Assert.Contains("reports its own expenditure only (IOM)", forbidden.GetProperty("detail").GetString());
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var programme = await fmu.GetProgrammeAsync(host.Mexican);
        Assert.Equal(0m, programme.Line("ILO").Usd("spentUsd"));
        Assert.DoesNotContain(programme.GetProperty("expenditure").EnumerateArray(),
            e => e.GetProperty("organization").GetString() == "ILO");

        var own = await HttpAssert.OkJsonAsync(await iom.ReportExpenditureAsync(host.Mexican, "iom", year, 1_000.00m));
        Assert.Equal((1_000.00m, 0.0100m), (own.Line("IOM").Usd("spentUsd"), own.Line("IOM").Rate("deliveryRate")));
        Assert.Contains(own.GetProperty("expenditure").EnumerateArray(), e =>
            e.GetProperty("organization").GetString() == "IOM" && e.GetProperty("reportedBy").GetString() == "puno.iom");

        // A government and a committee member report nothing.
        using var mexico = await api.CreateClientAsAsync("gov.mex");
        using var member = await api.CreateClientAsAsync("sc.deu");
        Assert.Equal(HttpStatusCode.Forbidden, (await mexico.ReportExpenditureAsync(host.Mexican, "IOM", year, 1.00m)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.ReportExpenditureAsync(host.Mexican, "IOM", year, 1.00m)).StatusCode);
    }
}
