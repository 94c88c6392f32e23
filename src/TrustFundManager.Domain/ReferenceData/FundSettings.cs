using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.Common;

namespace TrustFundManager.Domain.ReferenceData;

/// <summary>The fund's settings: one row of money and governance rules, changed only by the FMU.</summary>
public sealed class FundSettings
{
    public const int SingletonId = 1;
    public const int FundNameMaxLength = 200;
    public const decimal MaxRate = 0.5m;
    public const int RateDecimals = 6;
    public const decimal MaxBudgetCeilingUsd = 1_000_000_000_000m;
    public const int MaxDurationLimitMonths = 120;
    public const int MinRevisionPeriodDays = 7;
    public const int MaxRevisionPeriodDays = 730;
    public const int MinCommitteeTermMonths = 6;
    public const int MaxCommitteeTermMonths = 120;
    public const decimal DefaultMinimumParticipationShare = 0.05m;
    public const int DefaultMaxOpenDraftsPerGovernment = 20;
    public const int MaxOpenDraftsLimit = 1000;

    private FundSettings()
    {
        FundName = string.Empty;
    }

    public FundSettings(FundSettingsValues values)
    {
        Id = SingletonId;
        FundName = string.Empty;
        Change(values);
    }

    public int Id { get; private set; }

    /// <summary>Changes with every change of the settings: a change must name the version it was based on.</summary>
    public Guid Version { get; private set; }

    public string FundName { get; private set; }

    /// <summary>The most a single concept note may request, in USD.</summary>
    public decimal BudgetCeilingUsd { get; private set; }
    public int MinDurationMonths { get; private set; }
    public int MaxDurationMonths { get; private set; }

    /// <summary>Administrative Agent fee as a share of deposits (0.01 is 1%).</summary>
    public decimal AdministrativeAgentFeeRate { get; private set; }

    /// <summary>Indirect cost rate of participating organizations, inside their budgets (0.07 is 7%).</summary>
    public decimal IndirectCostRate { get; private set; }
    public DecisionRule DecisionRule { get; private set; }

    /// <summary>Quorum as a fraction of eligible members, kept as a fraction so two thirds stays exact.</summary>
    public int QuorumNumerator { get; private set; }
    public int QuorumDenominator { get; private set; }

    /// <summary>When set, a quorum also needs a vote from every constituency.</summary>
    public bool QuorumRequiresEveryConstituency { get; private set; }

    /// <summary>How long a concept note returned for revision waits for its resubmission before it lapses.</summary>
    public int RevisionPeriodDays { get; private set; }

    /// <summary>The longest term of a Steering Committee member, in months; terms are staggered within it.</summary>
    public int CommitteeTermMonths { get; private set; }

    /// <summary>
    /// The fewest eligible members a constituency needs for its choices to be published in a tally; smaller cells
    /// show only their size and turnout (<see cref="TallyPublication"/>).
    /// </summary>
    public int MinimumPublishedTallyCell { get; private set; } = TallyPublication.DefaultMinimumCell;

    /// <summary>
    /// The share of a concept note's budget above which an organization counts as participating (and its members are
    /// recused); the lead organization always counts. Keeps a token budget line from recusing a member.
    /// </summary>
    public decimal MinimumParticipationShare { get; private set; } = DefaultMinimumParticipationShare;

    /// <summary>How many concept notes a government may have in draft at once.</summary>
    public int MaxOpenDraftsPerGovernment { get; private set; } = DefaultMaxOpenDraftsPerGovernment;

    public FundSettingsValues Values => new(FundName, BudgetCeilingUsd, MinDurationMonths, MaxDurationMonths,
        AdministrativeAgentFeeRate, IndirectCostRate, DecisionRule, QuorumNumerator, QuorumDenominator,
        QuorumRequiresEveryConstituency, RevisionPeriodDays, CommitteeTermMonths, MinimumPublishedTallyCell,
        MinimumParticipationShare, MaxOpenDraftsPerGovernment);

    /// <summary>Changes the settings, unless someone else changed them since <paramref name="basedOnVersion"/> was read.</summary>
    public void Change(FundSettingsValues values, Guid basedOnVersion)
    {
        if (basedOnVersion != Version)
            throw DomainConflictException.StaleVersion(
                "The settings were changed by someone else since you read them; read them again and redo your change.", Version);
        Change(values);
    }

    private void Change(FundSettingsValues values)
    {
        var errors = Problems(values);
        if (errors.Count > 0) throw new InvalidChangeException(errors);

        FundName = values.FundName.Trim();
        BudgetCeilingUsd = values.BudgetCeilingUsd;
        MinDurationMonths = values.MinDurationMonths;
        MaxDurationMonths = values.MaxDurationMonths;
        AdministrativeAgentFeeRate = values.AdministrativeAgentFeeRate;
        IndirectCostRate = values.IndirectCostRate;
        DecisionRule = values.DecisionRule;
        QuorumNumerator = values.QuorumNumerator;
        QuorumDenominator = values.QuorumDenominator;
        QuorumRequiresEveryConstituency = values.QuorumRequiresEveryConstituency;
        RevisionPeriodDays = values.RevisionPeriodDays;
        CommitteeTermMonths = values.CommitteeTermMonths;
        MinimumPublishedTallyCell = values.MinimumPublishedTallyCell;
        MinimumParticipationShare = values.MinimumParticipationShare;
        MaxOpenDraftsPerGovernment = values.MaxOpenDraftsPerGovernment;
        Version = Guid.NewGuid();
    }

    /// <summary>Every rule the settings must keep, keyed by field; empty when the values are acceptable.</summary>
    public static Dictionary<string, string[]> Problems(FundSettingsValues values)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(values.FundName)) errors["fundName"] = ["The fund's name is required."];
        else if (values.FundName.Trim().Length > FundNameMaxLength)
            errors["fundName"] = [$"The fund's name must be {FundNameMaxLength} characters or fewer."];
        if (values.BudgetCeilingUsd <= 0) errors["budgetCeilingUsd"] = ["The budget ceiling must be above zero."];
        else if (values.BudgetCeilingUsd > MaxBudgetCeilingUsd)
            errors["budgetCeilingUsd"] = [$"The budget ceiling is at most {MaxBudgetCeilingUsd:N0} USD."];
        else if (decimal.Round(values.BudgetCeilingUsd, 2) != values.BudgetCeilingUsd)
            errors["budgetCeilingUsd"] = ["The budget ceiling is an amount in dollars and cents."];
        if (values.MinDurationMonths < 1) errors["minDurationMonths"] = ["The shortest duration is at least 1 month."];
        if (values.MaxDurationMonths > MaxDurationLimitMonths)
            errors["maxDurationMonths"] = [$"The longest duration is at most {MaxDurationLimitMonths} months."];
        else if (values.MaxDurationMonths < values.MinDurationMonths)
            errors["maxDurationMonths"] = ["The longest duration cannot be shorter than the shortest."];
        if (RateProblem(values.AdministrativeAgentFeeRate) is { } feeProblem)
            errors["administrativeAgentFeeRate"] = [feeProblem];
        if (RateProblem(values.IndirectCostRate) is { } indirectProblem)
            errors["indirectCostRate"] = [indirectProblem];
        if (!Enum.IsDefined(values.DecisionRule)) errors["decisionRule"] = ["Unknown decision rule."];
        if (values.QuorumDenominator < 1) errors["quorumDenominator"] = ["The quorum's denominator is at least 1."];
        else if (values.QuorumNumerator < 1 || values.QuorumNumerator > values.QuorumDenominator)
            errors["quorumNumerator"] = ["The quorum is a fraction above zero and at most one."];
        if (values.RevisionPeriodDays is < MinRevisionPeriodDays or > MaxRevisionPeriodDays)
            errors["revisionPeriodDays"] =
                [$"The revision period is between {MinRevisionPeriodDays} and {MaxRevisionPeriodDays} days."];
        if (values.CommitteeTermMonths is < MinCommitteeTermMonths or > MaxCommitteeTermMonths)
            errors["committeeTermMonths"] =
                [$"A committee term lasts between {MinCommitteeTermMonths} and {MaxCommitteeTermMonths} months."];
        if (values.MinimumPublishedTallyCell is < 1 or > TallyPublication.MaxMinimumCell)
            errors["minimumPublishedTallyCell"] =
                [$"The smallest published cell is between 1 and {TallyPublication.MaxMinimumCell} members."];
        if (RateProblem(values.MinimumParticipationShare) is { } shareProblem)
            errors["minimumParticipationShare"] = [shareProblem];
        if (values.MaxOpenDraftsPerGovernment is < 1 or > MaxOpenDraftsLimit)
            errors["maxOpenDraftsPerGovernment"] = [$"The cap on open drafts is between 1 and {MaxOpenDraftsLimit}."];
        return errors;
    }

    private static string? RateProblem(decimal rate) =>
        rate is < 0 or > MaxRate ? $"A rate is a share between 0 and {MaxRate}."
        : decimal.Round(rate, RateDecimals) != rate ? $"A rate has at most {RateDecimals} decimals."
        : null;
}

public sealed record FundSettingsValues(
    string FundName,
    decimal BudgetCeilingUsd,
    int MinDurationMonths,
    int MaxDurationMonths,
    decimal AdministrativeAgentFeeRate,
    decimal IndirectCostRate,
    DecisionRule DecisionRule,
    int QuorumNumerator,
    int QuorumDenominator,
    bool QuorumRequiresEveryConstituency,
    int RevisionPeriodDays,
    int CommitteeTermMonths = 36,
    int MinimumPublishedTallyCell = TallyPublication.DefaultMinimumCell,
    decimal MinimumParticipationShare = FundSettings.DefaultMinimumParticipationShare,
    int MaxOpenDraftsPerGovernment = FundSettings.DefaultMaxOpenDraftsPerGovernment);
