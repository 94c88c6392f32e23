using TrustFundManager.Domain.Common;

namespace TrustFundManager.Domain.Funding;

/// <summary>
/// A dated capitalization target kept by the FMU (USD 25 million for the first year, USD 70 million by the
/// International Migration Review Forum). The current target is the next one not yet passed.
/// </summary>
public sealed class FundingTarget
{
    public const int TitleMaxLength = 200;

    private FundingTarget()
    {
        Title = UpdatedBy = string.Empty;
    }

    public FundingTarget(string title, decimal amountUsd, DateOnly dueOn, string actor, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7(now);
        Change(title, amountUsd, dueOn, actor, now);
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; }
    public decimal AmountUsd { get; private set; }

    /// <summary>The last day by which the target is to be reached.</summary>
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; }

    public void Change(string title, decimal amountUsd, DateOnly dueOn, string actor, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var trimmed = title.Trim();
        if (trimmed.Length == 0) errors["title"] = ["A target has a title."];
        else if (trimmed.Length > TitleMaxLength) errors["title"] = [$"A target's title is at most {TitleMaxLength} characters."];
        if (Money.AmountProblem(amountUsd, "target") is { } problem) errors["amountUsd"] = [problem];
        if (errors.Count > 0) throw new InvalidChangeException(errors);
        (Title, AmountUsd, DueOn, UpdatedAt, UpdatedBy) = (trimmed, amountUsd, dueOn, now, actor);
    }

    /// <summary>
    /// The target that applies on <paramref name="day"/>: the earliest not yet passed, or, once all have passed, the
    /// latest; null when there are none.
    /// </summary>
    public static FundingTarget? CurrentOn(IEnumerable<FundingTarget> targets, DateOnly day)
    {
        var ordered = targets.OrderBy(t => t.DueOn).ToList();
        return ordered.FirstOrDefault(t => t.DueOn >= day) ?? ordered.LastOrDefault();
    }
}
