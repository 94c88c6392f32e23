using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Domain.Tests.ConceptNotes;

public sealed class ConceptNoteRuleTests
{
    private const string Author = "author@gob.mx";
    private const string Screener = "fmu@un.org";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    private static readonly ConceptNoteRules Rules = new(
        BudgetCeilingUsd: 3_000_000m,
        MinDurationMonths: 12,
        MaxDurationMonths: 36,
        CountryRegions: new Dictionary<string, Region?>
        {
            ["MEX"] = Region.LatinAmericaAndCaribbean,
            ["GTM"] = Region.LatinAmericaAndCaribbean,
            ["PHL"] = Region.AsiaPacific,
            ["ATA"] = null,
        },
        ActiveOrganizations: new HashSet<string> { "IOM", "ILO", "UNICEF" },
        ThematicAreas: Enumerable.Range(1, 5).ToHashSet(),
        GcmObjectives: Enumerable.Range(1, 23).ToHashSet(),
        GuidingPrinciples: Enumerable.Range(1, 10).ToHashSet(),
        Today: new DateOnly(2026, 11, 23));

    private static readonly ConceptNoteContent Valid = new(
        Title: "Safe and regular labour pathways in Mesoamerica",
        Summary: "Joint programme on fair recruitment and protection of migrant workers.",
        Country: "MEX",
        OtherCountries: ["GTM"],
        ThematicAreaNumber: 2,
        GcmObjectives: [5, 6, 23],
        GuidingPrinciples: [1, 10],
        Budget: [new("IOM", 1_200_000m), new("ILO", 800_000.50m), new("UNICEF", 499_999.50m)],
        TotalRequestedUsd: 2_500_000m,
        DurationMonths: 24,
        Partners: [new("Secretaría de Gobernación", PartnerKind.GovernmentInstitution), new("Sin Fronteras", PartnerKind.CivilSociety)],
        Markers: new CrossCuttingMarkers(2, 1, 3),
        Contact: new ContactDetails("Ana López", "ana.lopez@gob.mx", "+52 55 1234 5678", "Director of Migration Policy"),
        Endorsement: new GovernmentEndorsement("Luis Pérez", "Under-Secretary", new DateOnly(2026, 11, 23)));

    /// <summary>An incomplete draft: what it holds keeps the rules.</summary>
    private static readonly ConceptNoteContent EmptyDraft = new("A first idea", null, "MEX", [], null, [], [], [], null,
        null, [], CrossCuttingMarkers.Unscored, null, null);

    /// <summary>Each breaks exactly one rule of <see cref="Valid"/>.</summary>
    private static readonly Dictionary<string, Func<ConceptNoteContent, ConceptNoteContent>> Breakers = new()
    {
        ["title blank"] = c => c with { Title = "   " },
        ["title too long"] = c => c with { Title = new string('t', ConceptNoteContent.TitleMaxLength + 1) },
        ["summary too long"] = c => c with { Summary = new string('s', ConceptNoteContent.SummaryMaxLength + 1) },
        ["unknown country"] = c => c with { Country = "XXX" },
        ["country without a region"] = c => c with { Country = "ATA", OtherCountries = [] },
        ["unknown other country"] = c => c with { OtherCountries = ["ZZZ"] },
        ["other country in another region"] = c => c with { OtherCountries = ["PHL"] },
        ["other country without a region"] = c => c with { OtherCountries = ["ATA"] },
        ["submitting country listed again"] = c => c with { OtherCountries = ["MEX"] },
        ["other country listed twice"] = c => c with { OtherCountries = ["GTM", "GTM"] },
        ["too many other countries"] = c => c with
        {
            OtherCountries = Enumerable.Repeat("GTM", ConceptNoteContent.MaxOtherCountries + 1).ToList(),
        },
        ["unknown thematic area"] = c => c with { ThematicAreaNumber = 6 },
        ["thematic area zero"] = c => c with { ThematicAreaNumber = 0 },
        ["unknown GCM objective"] = c => c with { GcmObjectives = [5, 24] },
        ["duplicate GCM objective"] = c => c with { GcmObjectives = [5, 5] },
        ["unknown guiding principle"] = c => c with { GuidingPrinciples = [1, 11] },
        ["duplicate guiding principle"] = c => c with { GuidingPrinciples = [10, 10] },
        ["organization listed twice"] = c => c with
        {
            Budget = [new("IOM", 1_200_000m), new("IOM", 800_000.50m), new("UNICEF", 499_999.50m)],
        },
        ["inactive organization"] = c => c with
        {
            Budget = [new("IOM", 1_200_000m), new("UNHCR", 800_000.50m), new("UNICEF", 499_999.50m)],
        },
        ["unknown organization"] = c => c with
        {
            Budget = [new("IOM", 1_200_000m), new("NOPE", 800_000.50m), new("UNICEF", 499_999.50m)],
        },
        ["too many organizations"] = c => c with
        {
            Budget = Enumerable.Range(1, ConceptNoteContent.MaxBudgetShares + 1).Select(i => new BudgetShare($"ORG{i}", 1m)).ToList(),
            TotalRequestedUsd = ConceptNoteContent.MaxBudgetShares + 1,
        },
        ["share of zero"] = c => c with
        {
            Budget = [new("IOM", 1_200_000m), new("ILO", 0m), new("UNICEF", 499_999.50m)],
        },
        ["negative share"] = c => c with
        {
            Budget = [new("IOM", 1_200_000m), new("ILO", -800_000.50m), new("UNICEF", 499_999.50m)],
        },
        ["share with 3 decimals"] = c => c with
        {
            Budget = [new("IOM", 1_200_000m), new("ILO", 800_000.505m), new("UNICEF", 499_999.50m)],
        },
        ["total of zero"] = c => c with { TotalRequestedUsd = 0m },
        ["negative total"] = c => c with { TotalRequestedUsd = -2_500_000m },
        ["total with 3 decimals"] = c => c with { TotalRequestedUsd = 2_500_000.001m },
        ["total not the sum of the split"] = c => c with { TotalRequestedUsd = 2_400_000m },
        ["total above the ceiling"] = c => c with
        {
            Budget = [new("IOM", 1_700_000.01m), new("ILO", 800_000.50m), new("UNICEF", 499_999.50m)],
            TotalRequestedUsd = 3_000_000.01m,
        },
        ["duration below the minimum"] = c => c with { DurationMonths = 11 },
        ["duration above the maximum"] = c => c with { DurationMonths = 37 },
        ["partner name blank"] = c => c with
        {
            Partners = [new("Sin Fronteras", PartnerKind.CivilSociety), new("  ", PartnerKind.Academia)],
        },
        ["partner name too long"] = c => c with
        {
            Partners = [new(new string('p', ConceptNoteContent.PartnerNameMaxLength + 1), PartnerKind.Academia)],
        },
        ["partner listed twice"] = c => c with
        {
            Partners = [new("Sin Fronteras", PartnerKind.CivilSociety), new(" sin fronteras ", PartnerKind.Other)],
        },
        ["unknown kind of partner"] = c => c with { Partners = [new("Sin Fronteras", (PartnerKind)99)] },
        ["gender marker -1"] = c => c with { Markers = c.Markers with { Gender = -1 } },
        ["gender marker 4"] = c => c with { Markers = c.Markers with { Gender = 4 } },
        ["human-rights marker -1"] = c => c with { Markers = c.Markers with { HumanRights = -1 } },
        ["child-sensitivity marker 4"] = c => c with { Markers = c.Markers with { ChildSensitivity = 4 } },
        ["contact name blank"] = c => c with { Contact = c.Contact! with { Name = " " } },
        ["contact email blank"] = c => c with { Contact = c.Contact! with { Email = "" } },
        ["contact email without @"] = c => c with { Contact = c.Contact! with { Email = "ana.lopez.gob.mx" } },
        ["contact email without a dot"] = c => c with { Contact = c.Contact! with { Email = "ana@localhost" } },
        ["contact email with a display name"] = c => c with { Contact = c.Contact! with { Email = "Ana <ana@gob.mx>" } },
        ["contact phone too long"] = c => c with { Contact = c.Contact! with { Phone = new string('1', ConceptNoteContent.PhoneMaxLength + 1) } },
        ["endorser blank"] = c => c with { Endorsement = c.Endorsement! with { EndorsedBy = "" } },
        ["endorsement dated tomorrow"] = c => c with { Endorsement = c.Endorsement! with { EndorsedOn = new DateOnly(2026, 11, 24) } },
    };

    public static TheoryData<string, string> BrokenRules() => new()
    {
        { "title blank", "title" },
        { "title too long", "title" },
        { "summary too long", "summary" },
        { "unknown country", "country" },
        { "country without a region", "country" },
        { "unknown other country", "otherCountries[0]" },
        { "other country in another region", "otherCountries[0]" },
        { "other country without a region", "otherCountries[0]" },
        { "submitting country listed again", "otherCountries[0]" },
        { "other country listed twice", "otherCountries[1]" },
        { "too many other countries", "otherCountries" },
        { "unknown thematic area", "thematicAreaNumber" },
        { "thematic area zero", "thematicAreaNumber" },
        { "unknown GCM objective", "gcmObjectives[1]" },
        { "duplicate GCM objective", "gcmObjectives[1]" },
        { "unknown guiding principle", "guidingPrinciples[1]" },
        { "duplicate guiding principle", "guidingPrinciples[1]" },
        { "organization listed twice", "budget[1].organization" },
        { "inactive organization", "budget[1].organization" },
        { "unknown organization", "budget[1].organization" },
        { "too many organizations", "budget" },
        { "share of zero", "budget[1].amountUsd" },
        { "negative share", "budget[1].amountUsd" },
        { "share with 3 decimals", "budget[1].amountUsd" },
        { "total of zero", "totalRequestedUsd" },
        { "negative total", "totalRequestedUsd" },
        { "total with 3 decimals", "totalRequestedUsd" },
        { "total not the sum of the split", "totalRequestedUsd" },
        { "total above the ceiling", "totalRequestedUsd" },
        { "duration below the minimum", "durationMonths" },
        { "duration above the maximum", "durationMonths" },
        { "partner name blank", "partners[1].name" },
        { "partner name too long", "partners[0].name" },
        { "partner listed twice", "partners[1].name" },
        { "unknown kind of partner", "partners[0].kind" },
        { "gender marker -1", "markers.gender" },
        { "gender marker 4", "markers.gender" },
        { "human-rights marker -1", "markers.humanRights" },
        { "child-sensitivity marker 4", "markers.childSensitivity" },
        { "contact name blank", "contact.name" },
        { "contact email blank", "contact.email" },
        { "contact email without @", "contact.email" },
        { "contact email without a dot", "contact.email" },
        { "contact email with a display name", "contact.email" },
        { "contact phone too long", "contact.phone" },
        { "endorser blank", "endorsement.endorsedBy" },
        { "endorsement dated tomorrow", "endorsement.endorsedOn" },
    };

    [Fact]
    public void Every_breaker_has_exactly_one_row() =>
        Assert.Equal(Breakers.Keys.Order(StringComparer.Ordinal),
            BrokenRules().Select(row => row.Data.Item1).Order(StringComparer.Ordinal));

    // ---- Content rules ----

    [Fact]
    public void The_valid_content_has_no_problems()
    {
        Assert.Empty(ConceptNoteRulebook.ContentProblems(Valid, Rules));
        Assert.Empty(ConceptNoteRulebook.SubmissionProblems(Valid, Rules));
    }

    [Fact]
    public void A_title_of_exactly_the_maximum_length_is_accepted() =>
        Assert.Empty(ConceptNoteRulebook.ContentProblems(
            Valid with { Title = new string('t', ConceptNoteContent.TitleMaxLength) }, Rules));

    [Fact]
    public void The_duration_limits_themselves_are_accepted()
    {
        Assert.Empty(ConceptNoteRulebook.ContentProblems(Valid with { DurationMonths = 12 }, Rules));
        Assert.Empty(ConceptNoteRulebook.ContentProblems(Valid with { DurationMonths = 36 }, Rules));
    }

    [Fact]
    public void A_total_of_exactly_the_ceiling_is_accepted() =>
        Assert.Empty(ConceptNoteRulebook.ContentProblems(Valid with
        {
            Budget = [new("IOM", 1_700_000m), new("ILO", 800_000.50m), new("UNICEF", 499_999.50m)],
            TotalRequestedUsd = 3_000_000m,
        }, Rules));

    [Fact]
    public void Markers_zero_and_three_are_accepted() =>
        Assert.Empty(ConceptNoteRulebook.ContentProblems(Valid with { Markers = new CrossCuttingMarkers(0, 3, 0) }, Rules));

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Content_that_breaks_one_rule_reports_that_rule_under_its_field(string rule, string field)
    {
        var content = Breakers[rule](Valid);

        var problems = ConceptNoteRulebook.ContentProblems(content, Rules);

        Assert.Equal(field, Assert.Single(problems).Key);
        Assert.NotEmpty(problems[field]);
        Assert.Contains(field, ConceptNoteRulebook.SubmissionProblems(content, Rules).Keys);
    }

    [Fact]
    public void Several_broken_rules_are_all_reported()
    {
        var content = Valid with { Title = "", DurationMonths = 40, Markers = new CrossCuttingMarkers(5, 1, 1) };

        var problems = ConceptNoteRulebook.ContentProblems(content, Rules);

        Assert.Equal(["durationMonths", "markers.gender", "title"], problems.Keys.Order());
    }

    // ---- Submission rules ----

    [Fact]
    public void An_empty_draft_keeps_the_content_rules_but_lacks_everything_a_submission_needs()
    {
        Assert.Empty(ConceptNoteRulebook.ContentProblems(EmptyDraft, Rules));

        var problems = ConceptNoteRulebook.SubmissionProblems(EmptyDraft, Rules);

        string[] expected =
        [
            "budget", "contact", "durationMonths", "endorsement", "gcmObjectives", "guidingPrinciples",
            "markers.childSensitivity", "markers.gender", "markers.humanRights", "partners", "summary",
            "thematicAreaNumber", "totalRequestedUsd",
        ];
        Assert.Equal(expected, problems.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_note_drafted_empty_reports_the_same_submission_problems()
    {
        var note = ConceptNote.Draft(EmptyDraft, Rules, Author, Now);

        Assert.Equal(
            ConceptNoteRulebook.SubmissionProblems(EmptyDraft, Rules).Keys.Order(StringComparer.Ordinal),
            note.SubmissionProblems(Rules).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_note_with_one_organization_only_cannot_be_submitted()
    {
        var content = Valid with { Budget = [new("IOM", 2_500_000m)] };

        Assert.Empty(ConceptNoteRulebook.ContentProblems(content, Rules));
        Assert.Equal("budget", Assert.Single(ConceptNoteRulebook.SubmissionProblems(content, Rules)).Key);
    }

    [Fact]
    public void A_partly_scored_note_lacks_only_the_unscored_markers()
    {
        var content = Valid with { Markers = new CrossCuttingMarkers(1, null, null) };

        Assert.Equal(["markers.childSensitivity", "markers.humanRights"],
            ConceptNoteRulebook.SubmissionProblems(content, Rules).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_valid_note_may_be_submitted() =>
        Assert.Empty(ConceptNote.Draft(Valid, Rules, Author, Now).SubmissionProblems(Rules));

    // ---- Draft and revision ----

    [Fact]
    public void A_draft_with_broken_content_is_refused_naming_the_field()
    {
        var refused = Assert.Throws<InvalidChangeException>(() =>
            ConceptNote.Draft(Valid with { DurationMonths = 48 }, Rules, Author, Now));

        Assert.Equal("durationMonths", Assert.Single(refused.Errors).Key);
    }

    [Fact]
    public void A_draft_keeps_the_content_normalized_and_takes_the_region_of_its_country()
    {
        var content = Valid with
        {
            Title = "  " + Valid.Title + " ",
            Country = " mex",
            OtherCountries = ["gtm "],
            Budget = [new(" iom", 1_200_000m), new("ilo", 800_000.50m), new("Unicef ", 499_999.50m)],
        };

        var note = ConceptNote.Draft(content, Rules, Author, Now);

        Assert.Equal(Valid.Title, note.Title);
        Assert.Equal("MEX", note.Country);
        Assert.Equal(["MEX", "GTM"], note.Countries);
        Assert.Equal(Region.LatinAmericaAndCaribbean, note.Region);
        Assert.Equal(["IOM", "ILO", "UNICEF"], note.Organizations);
        Assert.Equal(Now, note.CreatedAt);
        Assert.Equal(Author, note.CreatedBy);
        Assert.Equal(0, note.SubmissionCount);
    }

    [Fact]
    public void A_draft_without_a_total_takes_the_sum_of_the_split()
    {
        var note = ConceptNote.Draft(Valid with { TotalRequestedUsd = null }, Rules, Author, Now);

        Assert.Equal(2_500_000m, note.TotalRequestedUsd);
    }

    [Fact]
    public void A_revision_replaces_the_content_and_changes_the_version()
    {
        var note = ConceptNote.Draft(EmptyDraft, Rules, Author, Now);
        var readVersion = note.Version;
        var later = Now.AddHours(2);

        note.Revise(Valid, Rules, ConceptNoteStatus.Draft, readVersion, "editor@gob.mx", later);

        AssertSameContent(Valid, note.Content);
        Assert.NotEqual(readVersion, note.Version);
        Assert.Equal(later, note.UpdatedAt);
        Assert.Equal("editor@gob.mx", note.UpdatedBy);
        Assert.Equal(Author, note.CreatedBy);
    }

    [Fact]
    public void A_note_returned_for_revision_may_be_revised()
    {
        var note = ConceptNote.Draft(Valid, Rules, Author, Now);

        note.Revise(Valid with { DurationMonths = 30 }, Rules, ConceptNoteStatus.ReturnedForRevision, note.Version, Author,
            Now.AddDays(1));

        Assert.Equal(30, note.DurationMonths);
    }

    [Theory]
    [InlineData(ConceptNoteStatus.Submitted)]
    [InlineData(ConceptNoteStatus.Screening)]
    [InlineData(ConceptNoteStatus.UnderCommitteeReview)]
    public void A_note_that_is_not_with_its_author_cannot_be_revised(string status)
    {
        var note = ConceptNote.Draft(Valid, Rules, Author, Now);
        var version = note.Version;

        Assert.Throws<DomainConflictException>(() =>
            note.Revise(Valid with { DurationMonths = 30 }, Rules, status, version, Author, Now.AddDays(1)));

        Assert.Equal(24, note.DurationMonths);
        Assert.Equal(version, note.Version);
    }

    [Fact]
    public void A_revision_based_on_a_version_that_is_no_longer_current_is_refused()
    {
        var note = ConceptNote.Draft(Valid, Rules, Author, Now);
        var readByBoth = note.Version;
        note.Revise(Valid with { DurationMonths = 30 }, Rules, ConceptNoteStatus.Draft, readByBoth, Author, Now.AddHours(1));

        Assert.Throws<DomainConflictException>(() =>
            note.Revise(Valid with { DurationMonths = 18 }, Rules, ConceptNoteStatus.Draft, readByBoth, "other@gob.mx",
                Now.AddHours(2)));

        Assert.Equal(30, note.DurationMonths);
    }

    [Fact]
    public void A_revision_cannot_change_the_submitting_country()
    {
        var note = ConceptNote.Draft(Valid, Rules, Author, Now);

        var refused = Assert.Throws<InvalidChangeException>(() =>
            note.Revise(Valid with { Country = "GTM", OtherCountries = ["MEX"] }, Rules, ConceptNoteStatus.Draft,
                note.Version, Author, Now.AddHours(1)));

        Assert.Equal("country", Assert.Single(refused.Errors).Key);
        Assert.Equal("MEX", note.Country);
    }

    [Fact]
    public void A_revision_that_breaks_a_rule_is_refused_and_keeps_the_content()
    {
        var note = ConceptNote.Draft(Valid, Rules, Author, Now);
        var version = note.Version;

        var refused = Assert.Throws<InvalidChangeException>(() =>
            note.Revise(Valid with { OtherCountries = ["PHL"] }, Rules, ConceptNoteStatus.Draft, version, Author,
                Now.AddHours(1)));

        Assert.Equal("otherCountries[0]", Assert.Single(refused.Errors).Key);
        AssertSameContent(Valid, note.Content);
        Assert.Equal(version, note.Version);
    }

    // ---- Submission ----

    [Fact]
    public void A_submission_is_counted_and_kept_as_a_version_of_the_content()
    {
        var note = ConceptNote.Draft(Valid, Rules, Author, Now);
        var submittedAt = Now.AddDays(1);

        var version = note.RecordSubmission(Author, "Ana López", "submit", submittedAt);

        Assert.Equal(1, note.SubmissionCount);
        Assert.Equal(submittedAt, note.FirstSubmittedAt);
        Assert.Equal(submittedAt, note.LastSubmittedAt);
        Assert.Equal(note.Id, version.ConceptNoteId);
        Assert.Equal(1, version.Number);
        Assert.Equal("submit", version.Action);
        Assert.Equal(Author, version.SubmittedBy);
        Assert.Equal("Ana López", version.SubmittedByName);
        Assert.Equal(submittedAt, version.SubmittedAt);
        AssertSameContent(Valid, version.ReadContent());
    }

    [Fact]
    public void A_resubmission_counts_again_but_keeps_the_first_submission_date()
    {
        var note = ConceptNote.Draft(Valid, Rules, Author, Now);
        var first = Now.AddDays(1);
        var second = Now.AddDays(10);
        var firstVersion = note.RecordSubmission(Author, "Ana López", "submit", first);
        var revised = Valid with { DurationMonths = 30, Partners = [new("Sin Fronteras", PartnerKind.CivilSociety)] };
        note.Revise(revised, Rules, ConceptNoteStatus.ReturnedForRevision, note.Version, Author, Now.AddDays(5));

        var secondVersion = note.RecordSubmission(Author, "Ana López", "resubmit", second);

        Assert.Equal(2, note.SubmissionCount);
        Assert.Equal(first, note.FirstSubmittedAt);
        Assert.Equal(second, note.LastSubmittedAt);
        Assert.Equal(2, secondVersion.Number);
        AssertSameContent(revised, secondVersion.ReadContent());
        AssertSameContent(Valid, firstVersion.ReadContent());
    }

    [Fact]
    public void A_version_of_an_empty_draft_reads_back_with_its_nulls()
    {
        var note = ConceptNote.Draft(EmptyDraft, Rules, Author, Now);

        var version = note.RecordSubmission(Author, "Ana López", "submit", Now);

        AssertSameContent(EmptyDraft, version.ReadContent());
    }

    // ---- Screening ----

    [Theory]
    [InlineData(ConceptNoteStatus.Draft)]
    [InlineData(ConceptNoteStatus.Submitted)]
    [InlineData(ConceptNoteStatus.ReturnedForRevision)]
    public void The_checklist_is_recorded_only_in_screening(string status)
    {
        var note = Submitted();

        Assert.Throws<DomainConflictException>(() =>
            note.RecordScreening(ScreeningItem.Complete, true, null, status, Screener, Now));

        Assert.Empty(note.ScreeningChecks);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_item_not_passed_needs_a_comment(string? comment)
    {
        var note = Submitted();

        var refused = Assert.Throws<InvalidChangeException>(() =>
            note.RecordScreening(ScreeningItem.MarkersScored, false, comment, ConceptNoteStatus.Screening, Screener, Now));

        Assert.Equal("comment", Assert.Single(refused.Errors).Key);
        Assert.Empty(note.ScreeningChecks);
    }

    [Fact]
    public void A_comment_longer_than_the_maximum_is_refused()
    {
        var note = Submitted();

        var refused = Assert.Throws<InvalidChangeException>(() =>
            note.RecordScreening(ScreeningItem.MarkersScored, false, new string('c', ScreeningCheck.CommentMaxLength + 1),
                ConceptNoteStatus.Screening, Screener, Now));

        Assert.Equal("comment", Assert.Single(refused.Errors).Key);
    }

    [Fact]
    public void An_unknown_checklist_item_is_refused()
    {
        var note = Submitted();

        var refused = Assert.Throws<InvalidChangeException>(() =>
            note.RecordScreening((ScreeningItem)42, true, null, ConceptNoteStatus.Screening, Screener, Now));

        Assert.Equal("item", Assert.Single(refused.Errors).Key);
    }

    [Fact]
    public void A_failed_item_keeps_its_trimmed_comment()
    {
        var note = Submitted();

        var check = note.RecordScreening(ScreeningItem.EndorsedByGovernment, false, "  Endorsement letter unsigned. ",
            ConceptNoteStatus.Screening, Screener, Now);

        Assert.False(check.Passed);
        Assert.Equal("Endorsement letter unsigned.", check.Comment);
        Assert.Equal(1, check.Round);
        Assert.Equal(Screener, check.RecordedBy);
        Assert.Equal(Now, check.RecordedAt);
    }

    [Fact]
    public void Every_item_is_outstanding_until_recorded_passed_and_a_new_round_starts_empty()
    {
        var note = Submitted();
        var all = Enum.GetValues<ScreeningItem>();
        Assert.Equal(5, all.Length);
        Assert.Equal(all, note.ScreeningItemsNotPassed());

        note.RecordScreening(ScreeningItem.WithinCeilings, false, "Check the UNICEF share.", ConceptNoteStatus.Screening,
            Screener, Now);
        Assert.Equal(all, note.ScreeningItemsNotPassed());

        for (var i = 0; i < all.Length; i++)
        {
            note.RecordScreening(all[i], true, null, ConceptNoteStatus.Screening, Screener, Now.AddMinutes(i));
            Assert.Equal(all.Skip(i + 1), note.ScreeningItemsNotPassed());
        }

        Assert.Equal(all.Length, note.ScreeningChecks.Count);
        Assert.All(note.ScreeningChecks, c => Assert.True(c.Passed));

        note.RecordSubmission(Author, "Ana López", "resubmit", Now.AddDays(10));

        Assert.Equal(all, note.ScreeningItemsNotPassed());

        note.RecordScreening(ScreeningItem.Complete, true, null, ConceptNoteStatus.Screening, Screener, Now.AddDays(11));
        Assert.Equal(all.Skip(1), note.ScreeningItemsNotPassed());
        Assert.Equal(2, note.ScreeningChecks.Single(c => c.Round == 2).Round);
        Assert.Equal(all.Length + 1, note.ScreeningChecks.Count);
    }

    [Fact]
    public void A_later_finding_on_an_item_replaces_the_earlier_one_in_the_same_round()
    {
        var note = Submitted();

        note.RecordScreening(ScreeningItem.Complete, false, "Summary missing.", ConceptNoteStatus.Screening, Screener, Now);
        note.RecordScreening(ScreeningItem.Complete, true, null, ConceptNoteStatus.Screening, Screener, Now.AddHours(1));

        var check = Assert.Single(note.ScreeningChecks);
        Assert.True(check.Passed);
        Assert.Null(check.Comment);
        Assert.DoesNotContain(ScreeningItem.Complete, note.ScreeningItemsNotPassed());
    }

    private static ConceptNote Submitted()
    {
        var note = ConceptNote.Draft(Valid, Rules, Author, Now.AddDays(-7));
        note.RecordSubmission(Author, "Ana López", "submit", Now.AddDays(-1));
        return note;
    }

    private static void AssertSameContent(ConceptNoteContent expected, ConceptNoteContent actual)
    {
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Summary, actual.Summary);
        Assert.Equal(expected.Country, actual.Country);
        Assert.Equal(expected.OtherCountries, actual.OtherCountries);
        Assert.Equal(expected.ThematicAreaNumber, actual.ThematicAreaNumber);
        Assert.Equal(expected.GcmObjectives, actual.GcmObjectives);
        Assert.Equal(expected.GuidingPrinciples, actual.GuidingPrinciples);
        Assert.Equal(expected.Budget, actual.Budget);
        Assert.Equal(expected.TotalRequestedUsd, actual.TotalRequestedUsd);
        Assert.Equal(expected.DurationMonths, actual.DurationMonths);
        Assert.Equal(expected.Partners, actual.Partners);
        Assert.Equal(expected.Markers, actual.Markers);
        Assert.Equal(expected.Contact, actual.Contact);
        Assert.Equal(expected.Endorsement, actual.Endorsement);
    }
}
