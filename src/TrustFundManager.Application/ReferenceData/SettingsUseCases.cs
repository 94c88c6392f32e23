using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.Access;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;

namespace TrustFundManager.Application.ReferenceData;

public sealed record SettingsResponse(
    Guid Version,
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
    int CommitteeTermMonths,
    int MinimumPublishedTallyCell,
    decimal MinimumParticipationShare,
    int MaxOpenDraftsPerGovernment)
{
    public static SettingsResponse From(FundSettings s) => From(s.Version, s.Values);

    private static SettingsResponse From(Guid version, FundSettingsValues v) => new(version, v.FundName, v.BudgetCeilingUsd,
        v.MinDurationMonths, v.MaxDurationMonths, v.AdministrativeAgentFeeRate, v.IndirectCostRate, v.DecisionRule,
        v.QuorumNumerator, v.QuorumDenominator, v.QuorumRequiresEveryConstituency, v.RevisionPeriodDays, v.CommitteeTermMonths,
        v.MinimumPublishedTallyCell, v.MinimumParticipationShare, v.MaxOpenDraftsPerGovernment);
}

/// <summary>
/// Every setting, and the <c>version</c> of the settings the change was based on (from GET). The vote-secrecy, recusal
/// and draft-cap settings may be left out: they then keep their current values.
/// </summary>
public sealed record UpdateSettingsRequest(
    Guid? Version,
    string? FundName,
    decimal? BudgetCeilingUsd,
    int? MinDurationMonths,
    int? MaxDurationMonths,
    decimal? AdministrativeAgentFeeRate,
    decimal? IndirectCostRate,
    DecisionRule? DecisionRule,
    int? QuorumNumerator,
    int? QuorumDenominator,
    bool? QuorumRequiresEveryConstituency,
    int? RevisionPeriodDays,
    int? CommitteeTermMonths,
    int? MinimumPublishedTallyCell = null,
    decimal? MinimumParticipationShare = null,
    int? MaxOpenDraftsPerGovernment = null)
{
    public bool IsComplete => FundName is not null && BudgetCeilingUsd is not null && MinDurationMonths is not null
        && MaxDurationMonths is not null && AdministrativeAgentFeeRate is not null && IndirectCostRate is not null
        && DecisionRule is not null && QuorumNumerator is not null && QuorumDenominator is not null
        && QuorumRequiresEveryConstituency is not null && RevisionPeriodDays is not null
        && CommitteeTermMonths is not null;

    /// <summary>
    /// Only called once the validator has seen every required field present; an optional field left out keeps its
    /// value in <paramref name="current"/> (or its default).
    /// </summary>
    public FundSettingsValues ToValues(FundSettingsValues? current = null) => new(FundName!, BudgetCeilingUsd!.Value,
        MinDurationMonths!.Value, MaxDurationMonths!.Value, AdministrativeAgentFeeRate!.Value, IndirectCostRate!.Value,
        DecisionRule!.Value, QuorumNumerator!.Value, QuorumDenominator!.Value, QuorumRequiresEveryConstituency!.Value,
        RevisionPeriodDays!.Value, CommitteeTermMonths!.Value,
        MinimumPublishedTallyCell ?? current?.MinimumPublishedTallyCell ?? TallyPublication.DefaultMinimumCell,
        MinimumParticipationShare ?? current?.MinimumParticipationShare ?? FundSettings.DefaultMinimumParticipationShare,
        MaxOpenDraftsPerGovernment ?? current?.MaxOpenDraftsPerGovernment ?? FundSettings.DefaultMaxOpenDraftsPerGovernment);
}

public sealed class UpdateSettingsRequestValidator : AbstractValidator<UpdateSettingsRequest>
{
    public UpdateSettingsRequestValidator()
    {
        RuleFor(r => r.Version).NotNull().WithMessage("Send the version of the settings you read (GET /api/settings).");
        RuleFor(r => r.FundName).NotNull();
        RuleFor(r => r.BudgetCeilingUsd).NotNull();
        RuleFor(r => r.MinDurationMonths).NotNull();
        RuleFor(r => r.MaxDurationMonths).NotNull();
        RuleFor(r => r.AdministrativeAgentFeeRate).NotNull();
        RuleFor(r => r.IndirectCostRate).NotNull();
        RuleFor(r => r.DecisionRule).NotNull().IsInEnum();
        RuleFor(r => r.QuorumNumerator).NotNull();
        RuleFor(r => r.QuorumDenominator).NotNull();
        RuleFor(r => r.QuorumRequiresEveryConstituency).NotNull();
        RuleFor(r => r.RevisionPeriodDays).NotNull();
        RuleFor(r => r.CommitteeTermMonths).NotNull();

        // The rules between values are the domain's: report each broken one against its field.
        RuleFor(r => r).Custom((request, context) =>
        {
            foreach (var (field, messages) in FundSettings.Problems(request.ToValues()))
            foreach (var message in messages)
                context.AddFailure(field, message);
        }).When(r => r.IsComplete);
    }
}

/// <summary>
/// The fund's settings: ceilings, duration limits, fees, decision rule, quorum, revision period, and the rules that keep
/// votes secret and recusals honest. All of them are money or governance, so only the FMU changes them.
/// </summary>
public sealed class SettingsUseCases(TrustFundDbContext db)
{
    public async Task<SettingsResponse> GetAsync(WorkflowActor actor, CancellationToken ct)
    {
        actor.Require(AccessPolicies.ReadReferenceData);
        return SettingsResponse.From(await db.FundSettings.AsNoTracking().SingleAsync(ct));
    }

    /// <summary>Replaces every setting, from the version the caller read (409 if it is stale).</summary>
    public async Task<SettingsResponse> UpdateAsync(UpdateSettingsRequest request, WorkflowActor actor,
        CancellationToken ct)
    {
        actor.Require(AccessPolicies.ManageFundRules);
        var settings = await db.FundSettings.SingleAsync(ct);
        settings.Change(request.ToValues(settings.Values), request.Version!.Value);
        await db.SaveChangesAsync(ct);
        return SettingsResponse.From(settings);
    }
}
