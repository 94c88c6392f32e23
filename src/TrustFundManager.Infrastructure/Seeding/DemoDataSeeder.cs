using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustFundManager.Domain.Access;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Committee;
using TrustFundManager.Infrastructure.ConceptNotes;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Definitions;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Infrastructure.Seeding;

/// <summary>
/// A living pipeline for a new user to explore: about 100 concept notes from 55 countries in every state of the
/// workflow, with revision rounds, screening findings and a history spread over the past two years. Every note goes
/// through the domain and the workflow engine, so its journal, versions, tasks and timers are what real use leaves.
/// The Steering Committee's members hold staggered terms, and every committee decision in the history comes from a
/// written-procedure ballot the members voted on, with its recusals and recorded decision.
/// Runs only on a database without concept notes; the same seed gives the same portfolio.
/// </summary>
public sealed class DemoDataSeeder(
    TrustFundDbContext db,
    WorkflowCatalog catalog,
    IServiceProvider services,
    IWorkflowDurationSettings durations,
    ConceptNoteRulesReader rulesReader,
    CommitteeBallots ballots,
    TimeProvider timeProvider,
    ILogger<DemoDataSeeder> logger)
{
    internal static readonly WorkflowActor FundManager = new("fmu.officer", "Amina Diallo", [Roles.FundManager]);

    private readonly DemoClock _clock = new(timeProvider.GetUtcNow());
    private readonly Random _random = new(2019);
    private List<CommitteeMembership> _committee = [];
    private DemoFunding? _funding;

    /// <summary>How long a demo ballot stays open before its decision.</summary>
    private static readonly TimeSpan VotingPeriod = TimeSpan.FromDays(10);

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.ConceptNotes.AnyAsync(cancellationToken)) return 0;

        var rules = await rulesReader.ReadAsync(cancellationToken);
        var countries = await db.Countries.AsNoTracking()
            .Where(c => DemoPortfolio.Countries.Contains(c.Alpha3) && c.Region != null)
            .ToDictionaryAsync(c => c.Alpha3, cancellationToken);
        var objectivesByArea = (await db.GcmObjectives.AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(o => o.ThematicAreaNumber, o => o.Number);
        var engine = new WorkflowEngine(db, catalog, services, durations, _clock);
        await SeedCommitteeAsync(cancellationToken);
        var portfolio = new DemoPortfolio(_random, rules, countries, objectivesByArea);
        _funding = new DemoFunding(db, _clock, _random);
        await _funding.SeedContributionsAsync(cancellationToken);

        var count = 0;
        foreach (var (country, target) in portfolio.Plan())
        {
            await SeedNoteAsync(engine, portfolio, rules, country, target, cancellationToken);
            count++;
        }

        await new DemoResults(db, _clock, _random).SeedAsync(engine, cancellationToken);
        logger.LogInformation("Seeded the demo portfolio: {Count} concept notes", count);
        return count;
    }

    private async Task SeedNoteAsync(WorkflowEngine engine, DemoPortfolio portfolio, ConceptNoteRules rules,
        Country country, string target, CancellationToken ct)
    {
        var government = DemoPortfolio.GovernmentOf(country);
        var path = DemoPortfolio.PathTo(target, _random);
        var recent = target is "draft" or "submitted" or "screening" or "returnedForRevision";
        var gaps = path.Select(step => step switch
        {
            "lapse" => 91,
            "approve" or "reject" or "defer" => _random.Next(12, 25), // the ballot runs within the gap
            _ => _random.Next(2, 15),
        }).ToList();
        var end = timeProvider.GetUtcNow().AddDays(recent ? -_random.Next(1, 20) : -_random.Next(5, 520));
        _clock.Now = end.AddDays(-gaps.Sum() - 1).AddHours(_random.Next(8, 17));

        var content = portfolio.Content(country, complete: target != "draft" || _random.Next(2) == 0,
            endorsedOn: DateOnly.FromDateTime(_clock.Now.UtcDateTime.AddDays(-7)));
        var note = ConceptNote.Draft(content, rules, government.UserId, _clock.Now);
        db.ConceptNotes.Add(note);
        var instance = await engine.StartAsync(ConceptNoteStatus.WorkflowId, note.Id, note.Title,
            new WorkflowScope([note.Country], note.Organizations), government, ct);

        for (var i = 0; i < path.Count; i++)
        {
            _clock.Now = _clock.Now.AddDays(gaps[i]).AddMinutes(_random.Next(0, 300));
            await TakeStepAsync(engine, note, instance, path[i], government, portfolio, rules, ct);
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private async Task TakeStepAsync(WorkflowEngine engine, ConceptNote note, WorkflowInstance instance, string step,
        WorkflowActor government, DemoPortfolio portfolio, ConceptNoteRules rules, CancellationToken ct)
    {
        switch (step)
        {
            case "submit" or "resubmit":
                await engine.FireAsync(instance, step, government, null, ct);
                break;
            case "revise":
                note.Revise(DemoPortfolio.Revised(note.Content), rules, instance.State, note.Version, government.UserId,
                    _clock.Now);
                instance.Describe(note.Title, new WorkflowScope([note.Country], note.Organizations));
                break;
            case "screenPartly":
                Screen(note, instance, passedItems: 2, failed: null);
                break;
            case "returnForRevision":
                Screen(note, instance, passedItems: 4, failed: DemoPortfolio.Pick(_random, [ScreeningItem.Complete, ScreeningItem.MarkersScored]));
                await engine.FireAsync(instance, step, FundManager, DemoPortfolio.Pick(_random, DemoPortfolio.ReturnReasons), ct);
                break;
            case "declareIneligible":
                Screen(note, instance, passedItems: 4, failed: ScreeningItem.WithinCeilings);
                await engine.FireAsync(instance, step, FundManager, DemoPortfolio.Pick(_random, DemoPortfolio.IneligibleReasons), ct);
                break;
            case "forwardToCommittee":
                Screen(note, instance, passedItems: 5, failed: null);
                await engine.FireAsync(instance, step, FundManager, "Eligible: every checklist item passed.", ct);
                break;
            case "approve" or "reject" or "defer":
                await DecideByBallotAsync(engine, note, step, ct);
                break;
            case "fund":
                await db.SaveChangesAsync(ct); // the allocation reads the note afresh and saves in one unit of work
                await _funding!.FundAsync(engine, note, ct);
                break;
            case "lapse":
                await engine.FireAsync(instance, step, WorkflowActor.System, null, ct);
                break;
            case "withdraw":
                await engine.FireAsync(instance, step, government, "Withdrawn by the government: priorities changed.", ct);
                break;
            default:
                await engine.FireAsync(instance, step, FundManager, null, ct);
                break;
        }
    }

    private async Task SeedCommitteeAsync(CancellationToken ct)
    {
        if (await db.CommitteeMemberships.AnyAsync(ct)) return;
        var settings = await db.FundSettings.AsNoTracking().SingleAsync(ct);
        var constituencies = await db.Constituencies.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        var now = timeProvider.GetUtcNow();
        db.CommitteeMemberships.AddRange(DemoCommittee.Memberships(constituencies, settings.CommitteeTermMonths,
            DateOnly.FromDateTime(now.UtcDateTime), now));
        await db.SaveChangesAsync(ct);
        _committee = await db.CommitteeMemberships.AsNoTracking().ToListAsync(ct);
    }

    /// <summary>
    /// A written procedure on the note, opened <see cref="VotingPeriod"/> before the decision: the members vote so that
    /// the fund's rule gives <paramref name="outcome"/> (everyone approving, one rejecting, or too few voting), and the
    /// ballot closes at its deadline, which records the decision and moves the note.
    /// </summary>
    private async Task DecideByBallotAsync(WorkflowEngine engine, ConceptNote note, string outcome, CancellationToken ct)
    {
        var decidedAt = _clock.Now;
        await db.SaveChangesAsync(ct);
        _clock.Now = decidedAt - VotingPeriod;
        var title = $"Written procedure {_clock.Now:yyyy-MM-dd}: {note.Title}";
        var (ballot, ballotInstance) = await ballots.OpenAsync(
            new BallotOpening(title.Length > Ballot.TitleMaxLength ? title[..Ballot.TitleMaxLength] : title,
                BallotKind.WrittenProcedure, decidedAt, [note.Id]), FundManager, engine, _clock.Now, ct);

        var voters = ballot.Papers.Where(p => p.RecusalOn(note.Id) is null).ToList();
        var voting = outcome == "defer" ? voters.Take(3).ToList() : voters;
        var rejecter = outcome == "reject" ? voting[_random.Next(voting.Count)] : null;
        var conditional = outcome == "approve" && _random.Next(3) == 0 ? voting[_random.Next(voting.Count)] : null;
        foreach (var paper in voting)
        {
            _clock.Now = _clock.Now.AddHours(_random.Next(2, 20));
            var member = _committee.Single(m => m.Id == paper.MembershipId);
            var (choice, conditions, reason) = paper == rejecter
                ? (VoteChoice.Reject, (string?)null, DemoPortfolio.Pick(_random, DemoPortfolio.RejectionReasons))
                : paper == conditional
                    ? (VoteChoice.ApproveWithConditions, DemoPortfolio.Pick(_random, DemoPortfolio.ApprovalConditions), (string?)null)
                    : (_random.Next(10) == 0 ? VoteChoice.Abstain : VoteChoice.Approve, null, null);
            ballot.CastVote(member, note.Id, choice, conditions, reason, null, _clock.Now);
        }

        _clock.Now = decidedAt;
        await engine.FireAsync(ballotInstance, BallotWorkflowSteps.CloseAtDeadline, WorkflowActor.System, null, ct);
    }

    private void Screen(ConceptNote note, WorkflowInstance instance, int passedItems, ScreeningItem? failed)
    {
        foreach (var item in Enum.GetValues<ScreeningItem>().Where(i => i != failed).Take(passedItems))
            note.RecordScreening(item, passed: true, null, instance.State, FundManager.UserId, _clock.Now);
        if (failed is { } item2)
            note.RecordScreening(item2, passed: false, DemoPortfolio.FailureComment(item2), instance.State,
                FundManager.UserId, _clock.Now);
    }
}

/// <summary>The seeder's own clock, moved along each note's history; <see cref="Started"/> is the real now.</summary>
internal sealed class DemoClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Started { get; } = now;

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
