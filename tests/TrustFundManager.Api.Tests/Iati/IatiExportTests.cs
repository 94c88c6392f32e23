using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrustFundManager.Api.Tests.Committee;
using TrustFundManager.Api.Tests.ConceptNotes;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Infrastructure.Iati;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Iati;

/// <summary>Results for every programme asked about: one outcome and one output, as the results matrix will give them.</summary>
internal sealed class TestResultsSource : IIatiResultsSource
{
    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<IatiResult>>> ResultsByProgrammeAsync(IReadOnlyCollection<Guid> programmeIds,
        CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<Guid, IReadOnlyList<IatiResult>>>(
            programmeIds.ToDictionary(id => id, _ => IatiWriterTests.Results));
}

/// <summary>
/// Six programmes in every state of their workflow, funded from a USD donor and a euro donor (one more has only
/// pledged), with tranches, expenditure and a cancellation; the results come from <see cref="TestResultsSource"/>.
/// </summary>
public sealed class IatiScenarioHost : IAsyncLifetime
{
    public const string HostileTitle = "Protection des enfants migrants en Côte d'Ivoire <script>alert('x')</script> & « partenaires »";

    public SqliteApiFactory Api { get; } = SqliteApiFactory.InEnvironment("Development", configureServices: services =>
    {
        services.RemoveAll<IIatiResultsSource>();
        services.AddSingleton<IIatiResultsSource, TestResultsSource>();
    });

    /// <summary>Each programme with the IATI activity status it must be published with.</summary>
    public Dictionary<Guid, string> ExpectedStatus { get; } = [];
    public Guid Regional { get; private set; }
    public Guid Cancelled { get; private set; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await Api.AppointCommitteeAsync();
        var notes = await Api.ApprovedNotesAsync(
            CommitteeTestSupport.NoteWithoutConflicts(HostileTitle).With("otherCountries", new JsonArray("CIV", "TGO")),
            ConceptNoteTestSupport.CompleteNote("MEX", "Safe labour migration corridors (suspended)"),
            CommitteeTestSupport.NoteWithoutConflicts("Protection of migrant children (cancelled)"),
            CommitteeTestSupport.NoteWithoutConflicts("Protection of migrant children (allocated)"),
            ConceptNoteTestSupport.CompleteNote("PHL", "Fair recruitment (closed)"),
            ConceptNoteTestSupport.CompleteNote("MEX", "Skills recognition (finishing)"));
        await Api.FundedAsync(6_000_000.00m);

        using var fmu = await Api.CreateClientAsAsync("fmu.officer");
        var today = Api.Today();
        var euroDonor = await fmu.CreatedDonorAsync("Fundación Horizonte Ñandú", "Private", null);
        var euros = await fmu.PledgedAsync(euroDonor, today, 250_000.00m, "EUR", 1.0812m);
        await HttpAssert.OkJsonAsync(await fmu.CommitAsync(euros, today, 250_000.00m, "EUR", 1.08125m, earmarkedAreaNumber: 2));
        await HttpAssert.OkJsonAsync(await fmu.DepositAsync(euros, today, 100_000.01m, 1.07913m), HttpStatusCode.Created);
        await fmu.PledgedAsync(await fmu.CreatedDonorAsync("Norway", "Government", "NOR"), today, 3_333.33m);

        var programmes = new List<Guid>();
        foreach (var note in notes)
            programmes.Add((await HttpAssert.OkJsonAsync(await fmu.AllocateAsync(note), HttpStatusCode.Created)).Id());
        var (regional, suspended, cancelled, allocated, closed, finishing) =
            (programmes[0], programmes[1], programmes[2], programmes[3], programmes[4], programmes[5]);
        (Regional, Cancelled) = (regional, cancelled);

        async Task Transfer(Guid programme, string organization, decimal usd) =>
            await HttpAssert.OkJsonAsync(await fmu.TransferAsync(programme, organization, usd, today), HttpStatusCode.Created);
        async Task Act(Guid programme, params string[] actions)
        {
            foreach (var action in actions)
                await HttpAssert.OkJsonAsync(await fmu.ProgrammeActAsync(programme, action, $"{action}: reasons given"));
        }

        await Transfer(regional, "UNICEF", 123_456.78m);
        await Transfer(regional, "ILO", 50_000.00m);
        await Act(regional, "beginImplementation");
        await HttpAssert.OkJsonAsync(await fmu.ReportExpenditureAsync(regional, "UNICEF", today.Year, 10_000.01m));
        await Transfer(suspended, "IOM", 200_000.00m);
        await Act(suspended, "beginImplementation", "suspend");
        await Transfer(cancelled, "ILO", 1_000.00m);
        await Act(cancelled, "cancel");
        await Transfer(closed, "IOM", 300_000.00m);
        await Transfer(closed, "ILO", 300_000.00m);
        await Act(closed, "beginImplementation");
        await HttpAssert.OkJsonAsync(await fmu.ReportExpenditureAsync(closed, "IOM", today.Year, 1_000.00m));
        await Act(closed, "closeOperationally", "closeFinancially");
        await Transfer(finishing, "IOM", 100_000.00m);
        await Act(finishing, "beginImplementation", "closeOperationally");

        ExpectedStatus[regional] = "2";
        ExpectedStatus[suspended] = "6";
        ExpectedStatus[cancelled] = "5";
        ExpectedStatus[allocated] = "1";
        ExpectedStatus[closed] = "4";
        ExpectedStatus[finishing] = "3";
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}

/// <summary>
/// The IATI file of a fund with programmes in every state: valid, adding up to the funding status, statuses mapped,
/// texts escaped and in UTF-8, results published, and read only by those who read the fund's books.
/// </summary>
public sealed class IatiExportTests(IatiScenarioHost host) : IClassFixture<IatiScenarioHost>
{
    private readonly SqliteApiFactory api = host.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string IdentifierOf(Guid programme) => $"XI-IATI-UNPF-MIG00-{programme}";

    private async Task<(byte[] Xml, XDocument Document)> ExportAsync()
    {
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var xml = await fmu.ActivitiesAsync();
        return (xml, IatiTestSupport.Parse(xml));
    }

    [Fact]
    public async Task The_file_is_valid_and_adds_up_to_the_funding_status_with_a_cancelled_programme()
    {
        var (xml, document) = await ExportAsync();
        using var fmu = await api.CreateClientAsAsync("fmu.officer");
        var status = await fmu.StatusAsync();

        IatiTestSupport.AssertValid(xml);
        IatiTestSupport.AssertFiguresMatch(document, status);
        Assert.Equal(999_000.00m, status.Usd("releasedUsd"));
        Assert.Equal(6_000_000.00m - 999_000.00m, document.Sum(2));

        // The cancelled programme: its allocation, what was given back on the day of the cancellation, and a revised budget.
        var fund = document.Activities()[0];
        var commitments = fund.Transactions(2)
            .Where(t => t.Element("receiver-org")!.Attribute("receiver-activity-id")!.Value == IdentifierOf(host.Cancelled)).ToList();
        Assert.Equal([500_000.00m, 500_000.00m, -499_000.00m, -500_000.00m], commitments.Select(t => t.Value()).OrderDescending());
        Assert.Equal(1_000.00m, commitments.Sum(t => t.Value()));
        var child = document.Activities().Single(a => a.Identifier() == IdentifierOf(host.Cancelled));
        Assert.Equal(["1", "2"], child.Elements("budget").Select(b => b.Attribute("type")!.Value));
        Assert.Equal("1000.00", child.Elements("budget").Last().Element("value")!.Value);
        Assert.Contains(child.Elements("activity-date"), d => d.Attribute("type")!.Value == "4"
            && d.Attribute("iso-date")!.Value == api.Today().ToString("yyyy-MM-dd"));

        // Incoming money names its donor; a euro deposit shows its original amount and the rate of its day.
        var deposit = Assert.Single(fund.Transactions(1), t => t.Element("provider-org")!.Value.Contains("Fundación", StringComparison.Ordinal));
        Assert.Equal(Math.Round(100_000.01m * 1.07913m, 2, MidpointRounding.AwayFromZero), deposit.Value());
        Assert.Equal("Deposit: 100000.01 EUR at 1.07913 USD", deposit.Narrative("description"));
        Assert.Equal("70", deposit.Element("provider-org")!.Attribute("type")!.Value);
        Assert.Single(fund.Transactions(13), t => t.Element("provider-org")!.Value.Contains("Norway", StringComparison.Ordinal));
        Assert.DoesNotContain(fund.Transactions(11), t => t.Element("provider-org")!.Value.Contains("Norway", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_programme_state_reads_as_its_IATI_activity_status()
    {
        var (_, document) = await ExportAsync();

        var children = document.Activities().Skip(1).ToList();
        Assert.Equal(host.ExpectedStatus.Count, children.Count);
        foreach (var (programme, code) in host.ExpectedStatus)
        {
            var child = Assert.Single(children, c => c.Identifier() == IdentifierOf(programme));
            Assert.Equal(code, child.Code("activity-status"));
            var dateTypes = child.Elements("activity-date").Select(d => d.Attribute("type")!.Value).ToList();
            Assert.Equal(code != "1" && code != "5", dateTypes.Contains("2"));
            Assert.Equal(code is "3" or "4" or "5", dateTypes.Contains("4"));
        }
    }

    [Fact]
    public async Task Non_ascii_and_markup_in_titles_are_written_as_escaped_UTF_8()
    {
        var (xml, document) = await ExportAsync();
        var text = Encoding.UTF8.GetString(xml);

        var regional = document.Activities().Single(a => a.Identifier() == IdentifierOf(host.Regional));
        Assert.Equal(IatiScenarioHost.HostileTitle, regional.Narrative("title"));
        Assert.Contains("Côte d'Ivoire &lt;script&gt;alert('x')&lt;/script&gt; &amp; « partenaires »", text);
        Assert.DoesNotContain("<script>", text);
        Assert.Contains("Ñandú", text);
        Assert.True(xml.AsSpan().IndexOf("Côte"u8) >= 0, "Non-ASCII text is written as UTF-8, not as character references.");

        var countries = regional.Elements("recipient-country").Select(c => (c.Attribute("code")!.Value, c.Attribute("percentage")!.Value,
            c.Element("narrative")!.Value)).ToList();
        Assert.Equal([("GH", "33.34", "Ghana"), ("CI", "33.33", "Côte d'Ivoire"), ("TG", "33.33", "Togo")], countries);
    }

    [Fact]
    public async Task The_results_source_publishes_each_programmes_results()
    {
        var (xml, document) = await ExportAsync();

        IatiTestSupport.AssertValid(xml);
        Assert.Empty(document.Activities()[0].Elements("result"));
        Assert.All(document.Activities().Skip(1), child =>
        {
            Assert.Equal(["2", "1"], child.Elements("result").Select(r => r.Attribute("type")!.Value));
            Assert.Equal("result", child.Elements().Last().Name.LocalName);
        });
    }

    [Theory]
    [InlineData("gov.mex")]
    [InlineData("gov.gha")]
    [InlineData("puno.iom")]
    [InlineData("puno.unicef")]
    public async Task Governments_and_organizations_are_refused_the_fund_books_file(string user)
    {
        using var client = await api.CreateClientAsAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(IatiTestSupport.Path, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("sc.deu")]
    [InlineData("admin")]
    [InlineData("fmu.finance")]
    public async Task The_committee_administrators_and_the_FMU_get_the_file(string user)
    {
        using var client = await api.CreateClientAsAsync(user);

        IatiTestSupport.AssertValid(await client.ActivitiesAsync());
    }

    [Fact]
    public async Task Without_a_token_the_file_is_refused()
    {
        using var anonymous = api.CreateClient();

        var response = await anonymous.GetAsync(IatiTestSupport.Path, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
