using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Infrastructure.Data;

namespace TrustFundManager.Infrastructure.Iati;

/// <summary>
/// The fund and its joint programmes as IATI activities: the fund is the parent activity, with the donors' pledges,
/// commitments and deposits and the allocations to the participating organizations; each joint programme is a child,
/// with its budget, the Administrative Agent's transfers and the organizations' annual expenditure. Only joint
/// programmes are published: concept notes (drafts, screening, the pipeline) never are. Every row is read with a
/// handful of untracked queries; each transaction is one recorded row, so no figure is added up here.
/// </summary>
public sealed class IatiExport(TrustFundDbContext db, IIatiResultsSource results, IatiOptions options, TimeProvider time)
{
    private const string Usd = "USD";
    private const string DacVocabulary = "1";

    private static readonly string[] MilestoneStates =
        [JointProgrammeStatus.Active, JointProgrammeStatus.OperationallyClosed, JointProgrammeStatus.Cancelled];

    private sealed record ProgrammeRow(Guid Id, string Title, string? Summary, List<string> Countries, DateOnly AllocatedOn,
        int DurationMonths, decimal AllocatedUsd, decimal ReleasedUsd, DateOnly? ReleasedOn, DateTimeOffset UpdatedAt,
        string State, DateTimeOffset StateChangedAt);

    private sealed record BudgetLineRow(Guid ProgrammeId, string Organization, decimal AmountUsd, decimal ReleasedUsd);

    private sealed record TransferRow(Guid ProgrammeId, string Organization, int Tranche, DateOnly TransferredOn, decimal AmountUsd);

    private sealed record ExpenditureRow(Guid ProgrammeId, string Organization, int Year, decimal AmountUsd, DateOnly ReportedOn);

    private sealed record ContributionRow(Guid DonorId, string Donor, DonorKind Kind, DateOnly PledgedOn, decimal PledgedAmount,
        string PledgedCurrency, decimal PledgedRate, decimal PledgedUsd, DateOnly? CommittedOn, decimal? CommittedAmount,
        string? CommittedCurrency, decimal? CommitmentRate, decimal? CommittedUsd, int? EarmarkedAreaNumber);

    private sealed record DepositRow(Guid DonorId, DateOnly ReceivedOn, decimal Amount, string Currency, decimal RateToUsd,
        decimal AmountUsd);

    private sealed record Milestone(Guid ProgrammeId, string State, DateTimeOffset At);

    private IatiOrganisation AdministrativeAgent => new(options.ReportingOrgRef, options.ReportingOrgType, options.ReportingOrgName);

    public string FundIdentifier => $"{options.ReportingOrgRef}-{options.FundCode}";

    public string ProgrammeIdentifier(Guid programmeId) => $"{FundIdentifier}-{programmeId}";

    public async Task<IatiDocument> BuildAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var fundName = await db.FundSettings.AsNoTracking().Select(s => s.FundName).SingleAsync(ct);
        var programmes = await (
                from programme in db.JointProgrammes.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on programme.Id equals instance.SubjectId
                where instance.DefinitionId == JointProgrammeStatus.WorkflowId
                join note in db.ConceptNotes.AsNoTracking() on programme.ConceptNoteId equals note.Id
                orderby programme.AllocatedOn, programme.Id
                select new ProgrammeRow(programme.Id, programme.Title, note.Summary, programme.Countries, programme.AllocatedOn,
                    programme.DurationMonths, programme.AllocatedUsd, programme.ReleasedUsd, programme.ReleasedOn,
                    programme.UpdatedAt, instance.State, instance.UpdatedAt))
            .ToListAsync(ct);
        var budgetLines = await db.Set<ProgrammeBudgetLine>().AsNoTracking()
            .OrderBy(b => b.ProgrammeId).ThenBy(b => b.Position)
            .Select(b => new BudgetLineRow(b.ProgrammeId, b.Organization, b.AmountUsd, b.ReleasedUsd))
            .ToListAsync(ct);
        var transfers = await db.Transfers.AsNoTracking()
            .OrderBy(t => t.TransferredOn).ThenBy(t => t.Organization).ThenBy(t => t.Tranche)
            .Select(t => new TransferRow(t.ProgrammeId, t.Organization, t.Tranche, t.TransferredOn, t.AmountUsd))
            .ToListAsync(ct);
        var expenditures = await db.AnnualExpenditures.AsNoTracking()
            .OrderBy(e => e.Year).ThenBy(e => e.Organization)
            .Select(e => new ExpenditureRow(e.ProgrammeId, e.Organization, e.Year, e.AmountUsd, e.ReportedOn))
            .ToListAsync(ct);
        var milestones = await (
                from entry in db.WorkflowJournal.AsNoTracking()
                join instance in db.WorkflowInstances.AsNoTracking() on entry.InstanceId equals instance.Id
                where instance.DefinitionId == JointProgrammeStatus.WorkflowId && MilestoneStates.Contains(entry.ToState)
                select new Milestone(instance.SubjectId, entry.ToState, entry.At))
            .ToListAsync(ct);
        var contributions = await (
                from contribution in db.Contributions.AsNoTracking()
                join donor in db.Donors.AsNoTracking() on contribution.DonorId equals donor.Id
                orderby contribution.PledgedOn, donor.Name, contribution.Id
                select new ContributionRow(donor.Id, donor.Name, donor.Kind, contribution.PledgedOn, contribution.PledgedAmount,
                    contribution.PledgedCurrency, contribution.PledgedRateToUsd, contribution.PledgedUsd, contribution.CommittedOn,
                    contribution.CommittedAmount, contribution.CommittedCurrency, contribution.CommitmentRateToUsd,
                    contribution.CommittedUsd, contribution.EarmarkedAreaNumber))
            .ToListAsync(ct);
        var deposits = await (
                from deposit in db.Deposits.AsNoTracking()
                join contribution in db.Contributions.AsNoTracking() on deposit.ContributionId equals contribution.Id
                orderby deposit.ReceivedOn, deposit.Id
                select new DepositRow(contribution.DonorId, deposit.ReceivedOn, deposit.Amount, deposit.Currency, deposit.RateToUsd,
                    deposit.AmountUsd))
            .ToListAsync(ct);
        var organizationNames = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Name, ct);
        var countryCodes = programmes.SelectMany(p => p.Countries).Distinct().ToList();
        var countries = await db.Countries.AsNoTracking().Where(c => countryCodes.Contains(c.Alpha3))
            .ToDictionaryAsync(c => c.Alpha3, c => (c.Alpha2, c.Name), ct);
        var programmeResults = await results.ResultsByProgrammeAsync(programmes.Select(p => p.Id).ToList(), ct);

        IatiOrganisation Organization(string code) => new(
            options.OrganizationIdentifiers.GetValueOrDefault(code) ?? IatiCodes.KnownOrganizationIdentifiers.GetValueOrDefault(code),
            options.OrganizationType, organizationNames.GetValueOrDefault(code, code));

        var linesByProgramme = budgetLines.ToLookup(b => b.ProgrammeId);
        var transfersByProgramme = transfers.ToLookup(t => t.ProgrammeId);
        var expenditureByProgramme = expenditures.ToLookup(e => e.ProgrammeId);
        var milestonesByProgramme = milestones.ToLookup(m => m.ProgrammeId);
        var fund = Fund(fundName, programmes, linesByProgramme, contributions, deposits, Organization, now);
        var children = programmes.Select(p => Programme(p, fundName, linesByProgramme[p.Id].ToList(),
                transfersByProgramme[p.Id].ToList(), expenditureByProgramme[p.Id].ToList(), milestonesByProgramme[p.Id].ToList(),
                countries, programmeResults.GetValueOrDefault(p.Id) ?? [], Organization))
            .ToList();
        return new IatiDocument(now, [fund, .. children]);
    }

    private IatiActivity Fund(string fundName, IReadOnlyList<ProgrammeRow> programmes, ILookup<Guid, BudgetLineRow> lines,
        IReadOnlyList<ContributionRow> contributions, IReadOnlyList<DepositRow> deposits,
        Func<string, IatiOrganisation> organization, DateTimeOffset now)
    {
        var donors = contributions.GroupBy(c => c.DonorId)
            .ToDictionary(g => g.Key, g => new IatiOrganisation(null, IatiCodes.OrganisationTypeOf(g.First().Kind), g.First().Donor));
        var participants = new List<IatiParticipatingOrg>();
        participants.AddRange(donors.Values.OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new IatiParticipatingOrg(IatiOrganisationRole.Funding, d)));
        participants.Add(new IatiParticipatingOrg(IatiOrganisationRole.Accountable, new IatiOrganisation(null, null, options.AccountableOrgName)));
        participants.Add(new IatiParticipatingOrg(IatiOrganisationRole.Extending, AdministrativeAgent, FundIdentifier));
        participants.AddRange(lines.SelectMany(l => l).Select(l => l.Organization).Distinct().Order(StringComparer.Ordinal)
            .Select(code => new IatiParticipatingOrg(IatiOrganisationRole.Implementing, organization(code))));

        var started = options.FundStartDate
                      ?? contributions.Select(c => (DateOnly?)c.PledgedOn).Concat(programmes.Select(p => (DateOnly?)p.AllocatedOn)).Min();
        IatiActivityDate[] dates = started is { } start
            ? [new IatiActivityDate(IatiActivityDateType.ActualStart, start)]
            : [new IatiActivityDate(IatiActivityDateType.PlannedStart, DateOnly.FromDateTime(now.UtcDateTime))];

        var transactions = new List<IatiTransaction>();
        transactions.AddRange(contributions.Select(c => Incoming(IatiTransactionType.IncomingPledge, c.PledgedOn, c.PledgedUsd,
            $"Pledge: {Amount(c.PledgedAmount, c.PledgedCurrency, c.PledgedRate)} (indicative rate)", donors[c.DonorId])));
        transactions.AddRange(contributions.Where(c => c.CommittedOn is not null).Select(c => Incoming(
            IatiTransactionType.IncomingCommitment, c.CommittedOn!.Value, c.CommittedUsd!.Value,
            $"Agreement signed: {Amount(c.CommittedAmount!.Value, c.CommittedCurrency!, c.CommitmentRate!.Value)}" +
            (c.EarmarkedAreaNumber is { } area ? $", softly earmarked to thematic area {area}" : ", unearmarked"),
            donors[c.DonorId])));
        transactions.AddRange(deposits.Select(d => Incoming(IatiTransactionType.IncomingFunds, d.ReceivedOn, d.AmountUsd,
            $"Deposit: {Amount(d.Amount, d.Currency, d.RateToUsd)}", donors[d.DonorId])));
        foreach (var programme in programmes)
        {
            foreach (var line in lines[programme.Id])
            {
                transactions.Add(new IatiTransaction(IatiTransactionType.OutgoingCommitment, programme.AllocatedOn, line.AmountUsd,
                    programme.AllocatedOn, $"Allocation to {line.Organization}", AdministrativeAgent, FundIdentifier,
                    organization(line.Organization), ProgrammeIdentifier(programme.Id)));
                // A cancelled programme gave back what was not transferred: a negative commitment on the day of the
                // release, so that the commitments add up to the fund's net allocations.
                if (programme.ReleasedOn is { } releasedOn && line.ReleasedUsd > 0)
                    transactions.Add(new IatiTransaction(IatiTransactionType.OutgoingCommitment, releasedOn, -line.ReleasedUsd,
                        releasedOn, $"Released on cancellation: the part of {line.Organization}'s allocation not transferred",
                        AdministrativeAgent, FundIdentifier, organization(line.Organization), ProgrammeIdentifier(programme.Id)));
            }
        }

        IatiRecipientRegion[] regions = string.IsNullOrWhiteSpace(options.FundRecipientRegion)
            ? []
            : [new IatiRecipientRegion(options.FundRecipientRegion, DacVocabulary, 100m, null)];
        return new IatiActivity(FundIdentifier, 1, options.Language, Usd, null, AdministrativeAgent, fundName,
            options.FundDescription, participants, IatiActivityStatus.Implementation, dates, [], regions,
            [new IatiSector(options.SectorCode, DacVocabulary, 100m)], [], transactions,
            programmes.Select(p => new IatiRelatedActivity(IatiRelatedActivityType.Child, ProgrammeIdentifier(p.Id))).ToList(), []);

        IatiTransaction Incoming(IatiTransactionType type, DateOnly on, decimal usd, string description, IatiOrganisation donor) =>
            new(type, on, usd, on, description, donor, null, AdministrativeAgent, FundIdentifier);
    }

    private IatiActivity Programme(ProgrammeRow programme, string fundName, IReadOnlyList<BudgetLineRow> lines,
        IReadOnlyList<TransferRow> transfers, IReadOnlyList<ExpenditureRow> expenditures, IReadOnlyList<Milestone> milestones,
        IReadOnlyDictionary<string, (string Alpha2, string Name)> countries, IReadOnlyList<IatiResult> programmeResults,
        Func<string, IatiOrganisation> organization)
    {
        var identifier = ProgrammeIdentifier(programme.Id);
        var organizations = lines.Select(l => organization(l.Organization)).ToList();
        var participants = new List<IatiParticipatingOrg>
        {
            new(IatiOrganisationRole.Funding, new IatiOrganisation(options.ReportingOrgRef, options.ReportingOrgType, fundName), FundIdentifier),
        };
        // Each participating organization assumes programmatic and financial accountability for what it receives.
        participants.AddRange(organizations.Select(o => new IatiParticipatingOrg(IatiOrganisationRole.Accountable, o)));
        participants.Add(new IatiParticipatingOrg(IatiOrganisationRole.Extending, AdministrativeAgent, FundIdentifier));
        participants.AddRange(organizations.Select(o => new IatiParticipatingOrg(IatiOrganisationRole.Implementing, o)));

        var plannedEnd = programme.AllocatedOn.AddMonths(Math.Max(programme.DurationMonths, 1)).AddDays(-1);
        var dates = new List<IatiActivityDate>
        {
            new(IatiActivityDateType.PlannedStart, programme.AllocatedOn),
            new(IatiActivityDateType.PlannedEnd, plannedEnd),
        };
        if (FirstDay(milestones, JointProgrammeStatus.Active) is { } started)
            dates.Insert(1, new IatiActivityDate(IatiActivityDateType.ActualStart, started));
        if ((FirstDay(milestones, JointProgrammeStatus.OperationallyClosed) ?? FirstDay(milestones, JointProgrammeStatus.Cancelled))
            is { } ended)
            dates.Add(new IatiActivityDate(IatiActivityDateType.ActualEnd, ended));

        var located = programme.Countries.Where(countries.ContainsKey).ToList();
        var shares = Shares(located.Count);
        var recipients = located.Select((code, i) => new IatiRecipientCountry(countries[code].Alpha2, shares[i], countries[code].Name)).ToList();

        var budgets = new List<IatiBudget>
        {
            new(1, 2, programme.AllocatedOn, plannedEnd, programme.AllocatedUsd, programme.AllocatedOn),
        };
        if (programme.ReleasedOn is { } releasedOn)
            budgets.Add(new IatiBudget(2, 2, programme.AllocatedOn, plannedEnd, programme.AllocatedUsd - programme.ReleasedUsd, releasedOn));

        var transactions = new List<IatiTransaction>();
        transactions.AddRange(transfers.Select(t => new IatiTransaction(IatiTransactionType.Disbursement, t.TransferredOn, t.AmountUsd,
            t.TransferredOn, $"Tranche {t.Tranche} to {t.Organization}", AdministrativeAgent, FundIdentifier,
            organization(t.Organization), identifier)));
        transactions.AddRange(expenditures.Select(e =>
        {
            // An annual figure is dated at the year's end, or on the day it was reported if the year is not over.
            var yearEnd = new DateOnly(e.Year, 12, 31);
            var on = e.ReportedOn < yearEnd ? e.ReportedOn : yearEnd;
            return new IatiTransaction(IatiTransactionType.Expenditure, on, e.AmountUsd, on,
                $"{e.Organization}'s expenditure in {e.Year.ToString(CultureInfo.InvariantCulture)}", organization(e.Organization),
                identifier, null, null);
        }));

        var description = string.IsNullOrWhiteSpace(programme.Summary)
            ? $"A joint programme of {string.Join(", ", lines.Select(l => l.Organization))} funded by the {fundName}."
            : programme.Summary;
        return new IatiActivity(identifier, 2, options.Language, Usd,
            programme.UpdatedAt > programme.StateChangedAt ? programme.UpdatedAt : programme.StateChangedAt, AdministrativeAgent,
            programme.Title, description, participants, IatiCodes.StatusOf(programme.State), dates, recipients, [],
            [new IatiSector(options.SectorCode, DacVocabulary, 100m)], budgets, transactions,
            [new IatiRelatedActivity(IatiRelatedActivityType.Parent, FundIdentifier)], programmeResults);
    }

    private static DateOnly? FirstDay(IEnumerable<Milestone> milestones, string state) =>
        milestones.Where(m => m.State == state).Select(m => (DateOnly?)DateOnly.FromDateTime(m.At.UtcDateTime)).Min();

    /// <summary>Equal shares of 100 in hundredths, the first taking the remainder, so that they add up to exactly 100.</summary>
    private static decimal[] Shares(int count)
    {
        if (count == 0) return [];
        var share = Math.Floor(10_000m / count) / 100;
        var shares = Enumerable.Repeat(share, count).ToArray();
        shares[0] += 100m - share * count;
        return shares;
    }

    /// <summary>An amount in its original currency, with the rate its USD value was computed at.</summary>
    private static string Amount(decimal amount, string currency, decimal rate) => currency == Usd
        ? $"{IatiActivitiesWriter.Amount(amount)} {Usd}"
        : $"{IatiActivitiesWriter.Amount(amount)} {currency} at {rate.ToString("0.########", CultureInfo.InvariantCulture)} {Usd}";
}
