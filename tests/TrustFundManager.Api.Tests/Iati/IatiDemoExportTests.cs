using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.Results;
using TrustFundManager.Api.Tests.Funding;
using TrustFundManager.Infrastructure.Iati;
using TrustFundManager.Testing;

namespace TrustFundManager.Api.Tests.Iati;

/// <summary>The demo portfolio (<c>--seed-demo</c>), its IATI file and its funding status, read once for the class.</summary>
public sealed class IatiDemoHost : IAsyncLifetime
{
    public SqliteApiFactory Api { get; } = SqliteApiFactory.InEnvironment("Development",
        new Dictionary<string, string> { ["Seed:Demo"] = "true" });

    public byte[] Xml { get; private set; } = [];
    public JsonElement Status { get; private set; }
    public IReadOnlyList<JsonElement> Programmes { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        using var fmu = await Api.CreateClientAsAsync("fmu.officer");
        Xml = await fmu.ActivitiesAsync();
        Status = await fmu.StatusAsync();
        var page = await HttpAssert.OkJsonAsync(await fmu.GetAsync("/api/joint-programmes?pageSize=200", TestContext.Current.CancellationToken));
        Programmes = page.GetProperty("items").EnumerateArray().ToList();
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}

/// <summary>The demo fund published to IATI: valid against the 2.03 schema, and every figure the funding status shows.</summary>
public sealed class IatiDemoExportTests(IatiDemoHost host) : IClassFixture<IatiDemoHost>
{
    private readonly XDocument document = IatiTestSupport.Parse(host.Xml);

    [Fact]
    public void The_demo_export_is_valid_IATI_2_03()
    {
        IatiTestSupport.AssertValid(host.Xml);

        Assert.Equal("2.03", document.Root!.Attribute("version")!.Value);
        var generated = DateTimeOffset.Parse(document.Root.Attribute("generated-datetime")!.Value, CultureInfo.InvariantCulture);
        Assert.Equal(host.Api.Clock.GetUtcNow(), generated, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Each_transaction_type_adds_up_to_the_funding_status_to_the_cent()
    {
        Assert.True(host.Status.GetProperty("expenditureUsd").GetDecimal() > 0, "The demo has expenditure to publish.");
        IatiTestSupport.AssertFiguresMatch(document, host.Status);

        var fund = document.Activities()[0];
        Assert.All(new[] { 13, 11, 1, 2 }, type => Assert.NotEmpty(fund.Transactions(type)));
        Assert.All(document.Activities().Skip(1), child =>
        {
            Assert.DoesNotContain(child.Elements("transaction"), t => t.Code("transaction-type") is "1" or "2" or "11" or "13");
            var programme = host.Programmes.Single(p => child.Identifier().EndsWith(p.Id().ToString(), StringComparison.Ordinal));
            Assert.Equal(programme.Usd("transferredUsd"), child.Transactions(3).Sum(t => t.Value()));
            Assert.Equal(programme.Usd("spentUsd"), child.Transactions(4).Sum(t => t.Value()));
            Assert.Equal(programme.Usd("allocatedUsd"), decimal.Parse(child.Element("budget")!.Element("value")!.Value, CultureInfo.InvariantCulture));
        });
        // Amounts are plain invariant decimals: no thousands separators, two decimals for cents.
        Assert.All(document.Descendants("value"), v => Assert.Matches(@"^-?\d+\.\d{2}$", v.Value));
    }

    [Fact]
    public void The_fund_is_the_parent_and_every_programme_a_child_with_its_status()
    {
        var activities = document.Activities();
        var fund = activities[0];
        Assert.Equal("XI-IATI-UNPF-MIG00", fund.Identifier());
        Assert.Equal(("XI-IATI-UNPF", "40"), (fund.Element("reporting-org")!.Attribute("ref")!.Value,
            fund.Element("reporting-org")!.Attribute("type")!.Value));
        Assert.Equal("Migration Multi-Partner Trust Fund", fund.Narrative("title"));
        Assert.Equal("1", fund.Attribute("hierarchy")!.Value);
        Assert.Equal("2", fund.Code("activity-status"));
        Assert.Equal(15, fund.Elements("participating-org").Count(o => o.Attribute("role")!.Value == "1"));

        var children = activities.Skip(1).ToList();
        Assert.Equal(host.Programmes.Count, children.Count);
        Assert.Equal(children.Select(c => c.Identifier()).Order(),
            fund.Elements("related-activity").Where(r => r.Attribute("type")!.Value == "2").Select(r => r.Attribute("ref")!.Value).Order());
        foreach (var programme in host.Programmes)
        {
            var child = Assert.Single(children, c => c.Identifier() == $"XI-IATI-UNPF-MIG00-{programme.Id()}");
            var parent = Assert.Single(child.Elements("related-activity"));
            Assert.Equal(("XI-IATI-UNPF-MIG00", "1"), (parent.Attribute("ref")!.Value, parent.Attribute("type")!.Value));
            Assert.Equal("2", child.Attribute("hierarchy")!.Value);
            Assert.Equal(programme.GetProperty("title").GetString(), child.Narrative("title"));
            var state = programme.GetProperty("status").GetProperty("state").GetString()!;
            Assert.Equal(((int)IatiCodes.StatusOf(state)).ToString(CultureInfo.InvariantCulture), child.Code("activity-status"));
            Assert.Equal(100m, child.Elements("recipient-country").Sum(c => decimal.Parse(c.Attribute("percentage")!.Value, CultureInfo.InvariantCulture)));
            Assert.Contains(child.Elements("participating-org"), o => o.Attribute("role")!.Value == "4" && o.Attribute("type")!.Value == "40");
        }

        Assert.All(activities, a =>
        {
            Assert.Equal("USD", a.Attribute("default-currency")!.Value);
            var sector = Assert.Single(a.Elements("sector"));
            Assert.Equal(("1", "15190", "100"), (sector.Attribute("vocabulary")!.Value, sector.Attribute("code")!.Value,
                sector.Attribute("percentage")!.Value));
        });
    }

    [Fact]
    public async Task Programmes_are_published_with_their_results_matrix_and_only_approved_actuals()
    {
        var (outcomes, outputs, indicators, approvedActuals) = await host.Api.WithDbAsync(async db => (
            await db.Set<Outcome>().CountAsync(TestContext.Current.CancellationToken),
            await db.Set<Output>().CountAsync(TestContext.Current.CancellationToken),
            await db.Indicators.CountAsync(TestContext.Current.CancellationToken),
            await db.ReportedValues.Where(v => db.ProgressReports.Any(r => r.Id == v.ReportId && r.ApprovedOn != null))
                .Select(v => v.IndicatorId).Distinct().CountAsync(TestContext.Current.CancellationToken)));
        Assert.True(indicators > 0, "The demo programmes have results matrices.");
        var results = document.Descendants("result").ToList();
        Assert.Equal(outcomes, results.Count(r => r.Attribute("type")!.Value == "2"));
        Assert.Equal(outputs, results.Count(r => r.Attribute("type")!.Value == "1"));
        Assert.Equal(indicators, document.Descendants("indicator").Count());
        // Each indicator has one period to its target; an actual appears only where the FMU approved one.
        Assert.Equal(approvedActuals, document.Descendants("actual").Count());
    }

    [Fact]
    public void Only_programmes_are_published_with_no_personal_details()
    {
        var text = System.Text.Encoding.UTF8.GetString(host.Xml);
        // The concept notes' contacts and endorsements (names, e-mail addresses) never reach the file.
        Assert.DoesNotContain("@", text);
        Assert.DoesNotContain("Migration focal point", text);
        Assert.DoesNotContain("Minister of Foreign Affairs", text);
    }
}
