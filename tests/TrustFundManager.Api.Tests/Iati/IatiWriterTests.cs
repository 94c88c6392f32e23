using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using TrustFundManager.Infrastructure.Iati;

namespace TrustFundManager.Api.Tests.Iati;

/// <summary>The writer on its own: the results section, hostile text, exact amounts, and the status mapping.</summary>
public sealed class IatiWriterTests
{
    /// <summary>A results matrix in small: an outcome with a percentage indicator, an output with a count and a qualitative one.</summary>
    public static readonly IReadOnlyList<IatiResult> Results =
    [
        new(IatiResultType.Outcome, "Migrant children are protected by the national child-protection system",
            "Linked to thematic area 2 and GCM objective 7.",
            [
                new IatiIndicator("Share of unaccompanied migrant children referred to care", null, IatiIndicatorMeasure.Percentage,
                    Ascending: true, new IatiBaseline(2025, new DateOnly(2025, 12, 31), 12.5m, "Ministry of Social Welfare records"),
                    [new IatiIndicatorPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 40m, null, 35.25m, "Approved by the FMU")]),
            ]),
        new(IatiResultType.Output, "Social workers trained in case management & referral <phase 1>", null,
            [
                new IatiIndicator("Social workers trained and certified", "Counted at the end of each training cycle.",
                    IatiIndicatorMeasure.Unit, Ascending: true, new IatiBaseline(2025, null, 0m, null),
                    [
                        new IatiIndicatorPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 120m, null, 98m, null),
                        new IatiIndicatorPeriod(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), 250m, null, null, null),
                    ]),
                new IatiIndicator("A referral protocol in force", null, IatiIndicatorMeasure.Qualitative, null,
                    new IatiBaseline(2025, null, 3m, "No written protocol"),
                    [new IatiIndicatorPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 1m, "Protocol adopted", 1m, "Adopted by decree")]),
            ]),
    ];

    private static readonly IatiOrganisation Agent = new("XI-IATI-UNPF", "40", "United Nations Multi-Partner Trust Fund Office");

    private static IatiActivity Activity(string identifier, string title, IReadOnlyList<IatiResult> results, params IatiTransaction[] transactions) =>
        new(identifier, 2, "en", "USD", new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero), Agent, title, "A joint programme.",
            [new IatiParticipatingOrg(IatiOrganisationRole.Implementing, new IatiOrganisation("XM-DAC-41122", "40", "UNICEF"))],
            IatiActivityStatus.Implementation, [new IatiActivityDate(IatiActivityDateType.PlannedStart, new DateOnly(2026, 1, 1))],
            [new IatiRecipientCountry("GH", 100m, "Ghana")], [], [new IatiSector("15190", "1", 100m)],
            [new IatiBudget(1, 2, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 1_000_000m, new DateOnly(2026, 1, 1))],
            transactions, [new IatiRelatedActivity(IatiRelatedActivityType.Parent, "XI-IATI-UNPF-MIG00")], results);

    private static byte[] Write(params IatiActivity[] activities) =>
        IatiActivitiesWriter.ToBytes(new IatiDocument(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), activities));

    [Fact]
    public void The_results_section_is_valid_and_keeps_types_measures_baselines_targets_and_actuals()
    {
        var withEmptyResult = Results.Append(new IatiResult(IatiResultType.Output, "An output without indicators yet", null, [])).ToList();
        var xml = Write(Activity("XI-IATI-UNPF-MIG00-1", "Protection of migrant children", withEmptyResult));

        IatiTestSupport.AssertValid(xml);
        var results = IatiTestSupport.Parse(xml).Activities().Single().Elements("result").ToList();
        Assert.Equal(["2", "1"], results.Select(r => r.Attribute("type")!.Value));
        Assert.Equal("Social workers trained in case management & referral <phase 1>", results[1].Narrative("title"));

        var share = results[0].Element("indicator")!;
        Assert.Equal(("2", "1"), (share.Attribute("measure")!.Value, share.Attribute("ascending")!.Value));
        var baseline = share.Element("baseline")!;
        Assert.Equal(("2025", "2025-12-31", "12.5"), (baseline.Attribute("year")!.Value, baseline.Attribute("iso-date")!.Value,
            baseline.Attribute("value")!.Value));
        Assert.Equal("Ministry of Social Welfare records", baseline.Narrative("comment"));
        var period = share.Element("period")!;
        Assert.Equal(("2026-01-01", "2026-12-31", "40", "35.25"), (period.Element("period-start")!.Attribute("iso-date")!.Value,
            period.Element("period-end")!.Attribute("iso-date")!.Value, period.Element("target")!.Attribute("value")!.Value,
            period.Element("actual")!.Attribute("value")!.Value));

        var outputs = results[1].Elements("indicator").ToList();
        Assert.Equal(["1", "5"], outputs.Select(i => i.Attribute("measure")!.Value));
        Assert.Equal(2, outputs[0].Elements("period").Count());
        Assert.Null(outputs[0].Elements("period").Last().Element("actual"));
        // A qualitative indicator carries words, never values.
        Assert.DoesNotContain(outputs[1].Descendants(), e => e.Attribute("value") is not null);
        Assert.Equal("Adopted by decree", outputs[1].Element("period")!.Element("actual")!.Narrative("comment"));
    }

    [Fact]
    public void The_schema_check_finds_every_element_out_of_order_with_its_line()
    {
        var document = IatiTestSupport.Parse(Write(Activity("XI-IATI-UNPF-MIG00-5", "Out of order", Results),
            Activity("XI-IATI-UNPF-MIG00-6", "Missing a measure", Results)));
        var (first, second) = (document.Activities()[0], document.Activities()[1]);
        var sector = first.Element("sector")!;
        sector.Remove();
        first.Element("activity-status")!.AddBeforeSelf(sector);
        second.Element("result")!.Element("indicator")!.SetAttributeValue("measure", null);

        var errors = IatiTestSupport.SchemaErrors(System.Text.Encoding.UTF8.GetBytes(document.Declaration + "\n" + document));

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Matches(@"^line \d+, column \d+: Error: ", e));
        Assert.Contains(errors, e => e.Contains("'sector'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'measure'", StringComparison.Ordinal));
    }

    [Fact]
    public void Characters_XML_cannot_carry_are_dropped_and_the_rest_kept()
    {
        var xml = Write(Activity("XI-IATI-UNPF-MIG00-2", "Migrants\u0001 on the move 🌍 \uD800", []));

        IatiTestSupport.AssertValid(xml);
        Assert.Equal("Migrants on the move 🌍 ", IatiTestSupport.Parse(xml).Activities().Single().Narrative("title"));
    }

    [Fact]
    public void Amounts_are_exact_invariant_decimals_whatever_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var xml = Write(Activity("XI-IATI-UNPF-MIG00-3", "Exact amounts", [],
                Disbursement(1_234_567.5m), Disbursement(-0.01m), Disbursement(0.125m), Disbursement(99_999_999_999.99m)));

            IatiTestSupport.AssertValid(xml);
            Assert.Equal(["1000000.00", "1234567.50", "-0.01", "0.125", "99999999999.99"],
                IatiTestSupport.Parse(xml).Descendants("value").Select(v => v.Value));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        static IatiTransaction Disbursement(decimal usd) => new(IatiTransactionType.Disbursement, new DateOnly(2026, 3, 1), usd,
            new DateOnly(2026, 3, 1), null, Agent, null, new IatiOrganisation("XM-DAC-41122", "40", "UNICEF"), null);
    }

    [Fact]
    public void Every_state_of_every_joint_programme_workflow_has_an_activity_status()
    {
        var files = Directory.GetFiles(Path.Combine(IatiTestSupport.RepositoryRoot, "workflows"), "joint-programme.v*.json");
        Assert.NotEmpty(files);
        var states = files.SelectMany(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("states")
            .EnumerateArray().Select(s => s.GetProperty("name").GetString()!)).Distinct().ToList();

        var mapped = states.ToDictionary(s => s, s => (int)IatiCodes.StatusOf(s));

        Assert.Equal(new Dictionary<string, int>
        {
            ["allocated"] = 1, ["active"] = 2, ["suspended"] = 6, ["operationallyClosed"] = 3, ["financiallyClosed"] = 4,
            ["cancelled"] = 5,
        }, mapped);
        var unknown = Assert.Throws<InvalidOperationException>(() => IatiCodes.StatusOf("closedForGood"));
        Assert.Contains("closedForGood", unknown.Message);
    }

    [Fact]
    public async Task Results_without_a_source_are_none()
    {
        var none = await new NoIatiResults().ResultsByProgrammeAsync([Guid.NewGuid()], TestContext.Current.CancellationToken);

        Assert.Empty(none);
        Assert.Empty(XDocument.Parse(System.Text.Encoding.UTF8.GetString(Write(Activity("XI-IATI-UNPF-MIG00-4", "No results", []))))
            .Descendants("result"));
    }
}
