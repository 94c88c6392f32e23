namespace TrustFundManager.Domain.ConceptNotes;

/// <summary>The FMU's eligibility checklist (pipeline step 2).</summary>
public enum ScreeningItem
{
    Complete,
    WithinCeilings,
    AtLeastTwoOrganizations,
    MarkersScored,
    EndorsedByGovernment,
}

/// <summary>The FMU's finding on one checklist item in one screening round (one round per submission).</summary>
public sealed class ScreeningCheck
{
    public const int CommentMaxLength = 2000;

    private ScreeningCheck()
    {
        RecordedBy = string.Empty;
    }

    internal ScreeningCheck(Guid conceptNoteId, int round, ScreeningItem item) : this()
    {
        ConceptNoteId = conceptNoteId;
        Round = round;
        Item = item;
    }

    public Guid ConceptNoteId { get; private set; }

    /// <summary>The submission screened: 1 for the first, 2 after the first resubmission, and so on.</summary>
    public int Round { get; private set; }
    public ScreeningItem Item { get; private set; }
    public bool Passed { get; private set; }
    public string? Comment { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    internal void Record(bool passed, string? comment, string actor, DateTimeOffset now)
    {
        Passed = passed;
        Comment = comment;
        RecordedBy = actor;
        RecordedAt = now;
    }

    /// <summary>What the note itself shows for the item: a hint for the FMU, who records the finding.</summary>
    public static bool? Suggest(ScreeningItem item, ConceptNoteContent content, ConceptNoteRules rules) => item switch
    {
        ScreeningItem.Complete => ConceptNoteRulebook.SubmissionProblems(content, rules).Count == 0,
        ScreeningItem.WithinCeilings => content.TotalRequestedUsd <= rules.BudgetCeilingUsd
                                        && content.DurationMonths >= rules.MinDurationMonths
                                        && content.DurationMonths <= rules.MaxDurationMonths,
        ScreeningItem.AtLeastTwoOrganizations =>
            content.Budget.Select(b => b.Organization).Distinct().Count() >= ConceptNoteContent.MinimumOrganizations,
        ScreeningItem.MarkersScored => content.Markers.AllScored,
        ScreeningItem.EndorsedByGovernment => content.Endorsement is not null,
        _ => null,
    };
}
