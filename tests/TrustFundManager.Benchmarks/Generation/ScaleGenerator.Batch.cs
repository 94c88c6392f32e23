using Microsoft.EntityFrameworkCore;
using TrustFundManager.Application.ConceptNotes;
using TrustFundManager.Domain.Access;
using TrustFundManager.Domain.Common;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Committee;
using TrustFundManager.Infrastructure.Data;
using TrustFundManager.Infrastructure.Funding;
using TrustFundManager.Infrastructure.Seeding;
using TrustFundManager.Workflows;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Benchmarks.Generation;

public sealed partial class ScaleGenerator
{
    /// <summary>One note of the batch: its path split around the committee's decision, and where it stands.</summary>
    private sealed class PlannedNote
    {
        public required ConceptNote Note { get; init; }
        public required WorkflowInstance Instance { get; init; }
        public required WorkflowActor Government { get; init; }
        public required string Target { get; init; }
        public required string? CommitteeOutcome { get; init; }
        public required List<string> AfterDecision { get; init; }
        public DateTimeOffset ReadyAt { get; set; }
    }

    private static readonly HashSet<string> CommitteeSteps = ["approve", "reject", "defer"];
    private static readonly HashSet<string> RecentTargets = ["draft", "submitted", "screening", "returnedForRevision"];
    private static readonly TimeSpan VotingPeriod = TimeSpan.FromDays(10);
    private const int NotesPerSave = 20;

    private async Task SeedBatchAsync(IServiceProvider provider, TrustFundDbContext db, GenerationContext context,
        IReadOnlyList<(Country Country, string Target)> batch, CancellationToken ct)
    {
        var notes = new List<PlannedNote>(batch.Count);
        foreach (var (country, target) in batch)
        {
            notes.Add(await SeedNoteUpToCommitteeAsync(db, context, country, target, ct));
            if (notes.Count % NotesPerSave == 0) SaveAndForget(db);
        }
        SaveAndForget(db);

        Track(db, notes.Where(n => n.CommitteeOutcome is not null || n.Target == ConceptNoteStatus.UnderCommitteeReview));
        var members = await db.CommitteeMemberships.AsNoTracking().ToDictionaryAsync(m => m.Id, ct);
        foreach (var chunk in Chunks(notes.Where(n => n.CommitteeOutcome is not null)))
            await DecideOnBallotAsync(context, members, chunk, ct);
        foreach (var chunk in Chunks(notes.Where(n => n.Target == ConceptNoteStatus.UnderCommitteeReview)))
            await OpenBallotAsync(context, chunk, ct);
        SaveAndForget(db);

        var toFund = notes.Where(n => n.AfterDecision.Contains("fund") && n.Instance.State == ConceptNoteStatus.ApprovedInPipeline).ToList();
        Track(db, toFund);
        var funded = new List<(JointProgramme Programme, WorkflowInstance Instance)>();
        foreach (var note in toFund)
            if (await FundAsync(db, context, note, ct) is { } programme) funded.Add(programme);
        Save();

        await SeedResultsAsync(db, context, funded.Where(p => p.Instance.State == JointProgrammeStatus.Active).ToList(), ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Writes and stops tracking what is written: the engine's and the guards' lookups among the tracked entities cost
    /// in proportion to how many there are, so the tracker holds only the few notes being worked on.
    /// </summary>
    private void SaveAndForget(TrustFundDbContext db)
    {
        Save();
        db.ChangeTracker.Clear();
    }

    /// <summary>Tracks saved notes again (as unchanged) for the next phase of their history.</summary>
    private static void Track(TrustFundDbContext db, IEnumerable<PlannedNote> notes)
    {
        foreach (var note in notes)
        {
            db.Attach(note.Note);
            db.Attach(note.Instance);
        }
    }

    private static IEnumerable<List<PlannedNote>> Chunks(IEnumerable<PlannedNote> notes) =>
        notes.OrderBy(n => n.ReadyAt).Chunk(Ballot.MaxItems).Select(c => c.ToList());

    /// <summary>Drafts the note and takes every step of its path that comes before the committee's decision.</summary>
    private async Task<PlannedNote> SeedNoteUpToCommitteeAsync(TrustFundDbContext db, GenerationContext context, Country country,
        string target, CancellationToken ct)
    {
        var government = DemoPortfolio.GovernmentOf(country);
        var path = DemoPortfolio.PathTo(target, _random);
        var decisionAt = path.FindIndex(CommitteeSteps.Contains);
        var before = decisionAt < 0 ? path : path[..decisionAt];
        var gaps = before.Select(step => step == "lapse" ? 91 : _random.Next(2, 15)).ToList();
        var end = _now.AddDays(-(target switch
        {
            _ when RecentTargets.Contains(target) => _random.Next(1, 20),
            ConceptNoteStatus.UnderCommitteeReview => _random.Next(3, 60),
            _ when decisionAt >= 0 => _random.Next(60, 600),
            _ => _random.Next(5, 600),
        }));
        _clock.Now = end.AddDays(-gaps.Sum() - 1).AddHours(_random.Next(8, 17));

        var content = context.Portfolio.Content(country, complete: target != "draft" || _random.Next(2) == 0,
            endorsedOn: Day(_clock.Now.AddDays(-7)));
        var note = ConceptNote.Draft(content, context.Rules, government.UserId, _clock.Now);
        db.ConceptNotes.Add(note);
        var instance = await context.Engine.StartAsync(ConceptNoteStatus.WorkflowId, note.Id, note.Title,
            ConceptNoteAccess.ScopeOf(note), government, ct);

        for (var i = 0; i < before.Count; i++)
        {
            _clock.Now = _clock.Now.AddDays(gaps[i]).AddMinutes(_random.Next(0, 300));
            await TakeStepAsync(context, note, instance, before[i], government, ct);
        }

        return new PlannedNote
        {
            Note = note, Instance = instance, Government = government, Target = target,
            CommitteeOutcome = decisionAt < 0 ? null : path[decisionAt],
            AfterDecision = decisionAt < 0 ? [] : path[(decisionAt + 1)..], ReadyAt = _clock.Now,
        };
    }

    private async Task TakeStepAsync(GenerationContext context, ConceptNote note, WorkflowInstance instance, string step,
        WorkflowActor government, CancellationToken ct)
    {
        var engine = context.Engine;
        switch (step)
        {
            case "submit" or "resubmit":
                await engine.FireAsync(instance, step, government, null, ct);
                break;
            case "revise":
                note.Revise(DemoPortfolio.Revised(note.Content), context.Rules, instance.State, note.Version, government.UserId, _clock.Now);
                instance.Describe(note.Title, new WorkflowScope(note.Countries.Count > 0 ? note.Countries : [note.Country], note.Organizations));
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

    private void Screen(ConceptNote note, WorkflowInstance instance, int passedItems, ScreeningItem? failed)
    {
        foreach (var item in Enum.GetValues<ScreeningItem>().Where(i => i != failed).Take(passedItems))
            note.RecordScreening(item, passed: true, null, instance.State, FundManager.UserId, _clock.Now);
        if (failed is { } failedItem)
            note.RecordScreening(failedItem, passed: false, DemoPortfolio.FailureComment(failedItem), instance.State,
                FundManager.UserId, _clock.Now);
    }

    /// <summary>
    /// A written procedure on up to 50 notes, opened once the last of them reached the committee: the members vote so
    /// that the fund's rule gives each note its planned outcome (everyone approving, one rejecting, or too few voting), and
    /// the ballot closes at its deadline, which records the decisions and moves the notes.
    /// </summary>
    private async Task DecideOnBallotAsync(GenerationContext context, IReadOnlyDictionary<Guid, CommitteeMembership> members,
        List<PlannedNote> chunk, CancellationToken ct)
    {
        var openedAt = chunk.Max(n => n.ReadyAt).AddHours(1);
        var deadline = openedAt + VotingPeriod;
        _clock.Now = openedAt;
        var (ballot, ballotInstance) = await context.Ballots.OpenAsync(
            new BallotOpening($"Written procedure {openedAt:yyyy-MM-dd}: {chunk.Count} concept notes", BallotKind.WrittenProcedure,
                deadline, chunk.Select(n => n.Note.Id).ToList()), FundManager, context.Engine, openedAt, ct);

        var papers = ballot.Papers.ToList();
        for (var p = 0; p < papers.Count; p++)
        {
            var votedAt = openedAt.AddHours(12 * (p + 1));
            var member = members[papers[p].MembershipId];
            foreach (var note in chunk)
            {
                if (papers[p].RecusalOn(note.Note.Id) is not null) continue;
                var eligibleBefore = papers.Take(p).Count(other => other.RecusalOn(note.Note.Id) is null);
                var (choice, conditions, reason) = VoteFor(note.CommitteeOutcome!, eligibleBefore);
                if (choice is null) continue;
                ballot.CastVote(member, note.Note.Id, choice.Value, conditions, reason, null, votedAt);
            }
        }

        _clock.Now = deadline;
        await context.Engine.FireAsync(ballotInstance, BallotWorkflowSteps.CloseAtDeadline, WorkflowActor.System, null, ct);
        foreach (var note in chunk) note.ReadyAt = deadline;
    }

    /// <summary>How the n-th eligible member votes so that the note gets its outcome; null: the member does not vote.</summary>
    private (VoteChoice? Choice, string? Conditions, string? Reason) VoteFor(string outcome, int eligibleBefore) => outcome switch
    {
        "defer" when eligibleBefore >= 3 => (null, null, null),
        "reject" when eligibleBefore == 0 => (VoteChoice.Reject, null, DemoPortfolio.Pick(_random, DemoPortfolio.RejectionReasons)),
        "approve" when _random.Next(12) == 0 =>
            (VoteChoice.ApproveWithConditions, DemoPortfolio.Pick(_random, DemoPortfolio.ApprovalConditions), null),
        _ => (_random.Next(10) == 0 && eligibleBefore > 0 ? VoteChoice.Abstain : VoteChoice.Approve, null, null),
    };

    /// <summary>The notes still under review wait on a ballot open until two weeks from now, for the members to vote.</summary>
    private async Task OpenBallotAsync(GenerationContext context, List<PlannedNote> chunk, CancellationToken ct)
    {
        var openedAt = chunk.Max(n => n.ReadyAt).AddHours(1);
        _clock.Now = openedAt;
        await context.Ballots.OpenAsync(
            new BallotOpening($"Written procedure {openedAt:yyyy-MM-dd}: {chunk.Count} concept notes", BallotKind.WrittenProcedure,
                _now.AddDays(14), chunk.Select(n => n.Note.Id).ToList()), FundManager, context.Engine, openedAt, ct);
    }

    /// <summary>
    /// Funds the note as the FMU's allocation does (the domain's allocation from the free balance, the note's 'fund'
    /// step and the programme's workflow), then the Administrative Agent's tranches and the organizations' expenditure.
    /// </summary>
    private async Task<(JointProgramme, WorkflowInstance)?> FundAsync(TrustFundDbContext db, GenerationContext context,
        PlannedNote planned, CancellationToken ct)
    {
        var allocatedAt = Earlier(planned.ReadyAt.AddDays(_random.Next(5, 40)), _now.AddDays(-1));
        _clock.Now = allocatedAt;
        JointProgramme programme;
        try
        {
            programme = JointProgramme.Allocate(planned.Note, planned.Instance.State, null, context.Free,
                context.Settings.IndirectCostRate, Day(allocatedAt), FundManager.UserId, allocatedAt);
        }
        catch (DomainConflictException)
        {
            return null; // not enough free balance left: the note stays in the pipeline
        }

        context.Free = Drawn(context.Free, programme);
        db.JointProgrammes.Add(programme);
        await context.Engine.FireAsync(planned.Instance, FundAllocations.FundAction, WorkflowActor.System,
            $"Allocated {programme.AllocatedUsd:N2} USD by {FundManager.DisplayName}: joint programme {programme.Id}.", ct);
        var instance = await context.Engine.StartAsync(JointProgrammeStatus.WorkflowId, programme.Id, programme.Title,
            FundAllocations.ScopeOf(programme), FundManager, ct);

        var tranches = new[] { allocatedAt.AddDays(_random.Next(10, 30)), allocatedAt.AddDays(_random.Next(380, 420)) }
            .Where(at => at < _now).ToList();
        for (var t = 0; t < tranches.Count; t++)
        {
            _clock.Now = tranches[t];
            foreach (var line in programme.Budget)
                programme.RecordTransfer(line.Organization, Math.Round(line.AmountUsd * (t == 0 ? 0.5m : 0.3m), 2), Day(_clock.Now),
                    $"MPTF-{_clock.Now:yyyyMMdd}-{line.Organization}-{t + 1}", instance.State, Day(_clock.Now), FundManager.UserId, _clock.Now);
            if (t != 0) continue;
            db.Entry(programme).DetectChanges(); // the guard looks for the new transfers among the tracked ones
            await context.Engine.FireAsync(instance, "beginImplementation", FundManager, "First tranche transferred.", ct);
        }

        if (tranches.Count > 0) ReportExpenditure(programme, instance, tranches[0].Year);
        return (programme, instance);
    }

    private void ReportExpenditure(JointProgramme programme, WorkflowInstance instance, int firstYear)
    {
        for (var year = firstYear; year <= _now.Year; year++)
        {
            var reportedAt = Earlier(new DateTimeOffset(year + 1, 1, 31, 10, 0, 0, TimeSpan.Zero), _now);
            _clock.Now = reportedAt;
            foreach (var line in programme.Budget)
            {
                var received = programme.Transfers.Where(r => r.Organization == line.Organization && r.RecordedAt <= reportedAt)
                    .Sum(r => r.AmountUsd);
                var spent = Math.Round((received - line.SpentUsd) * _random.Next(35, 75) / 100m, 2);
                programme.ReportExpenditure(line.Organization, year, spent, instance.State, Day(reportedAt),
                    $"puno.{line.Organization.ToLowerInvariant()}", reportedAt);
            }
        }
    }

    private static FreeBalance Drawn(FreeBalance free, JointProgramme programme)
    {
        var earmarked = free.EarmarkedUsd.ToDictionary();
        if (programme.FromEarmarkedUsd > 0)
            earmarked[programme.ThematicAreaNumber] = earmarked.GetValueOrDefault(programme.ThematicAreaNumber) - programme.FromEarmarkedUsd;
        return new FreeBalance(free.UnearmarkedUsd - programme.FromUnearmarkedUsd, earmarked);
    }

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
