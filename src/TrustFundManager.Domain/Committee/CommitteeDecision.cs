using System.Text.Json;
using System.Text.Json.Serialization;
using TrustFundManager.Domain.Auditing;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Domain.Committee;

/// <summary>One constituency's part in the vote on one item.</summary>
public sealed record ConstituencyTally(
    string Constituency,
    int Voters,
    int Recused,
    int Approve,
    int ApproveWithConditions,
    int Reject,
    int Abstain)
{
    /// <summary>Members who could vote on the item: the ballot's voters less the recused.</summary>
    public int Eligible => Voters - Recused;

    public int VotesCast => Approve + ApproveWithConditions + Reject + Abstain;
    public int NotVoted => Eligible - VotesCast;
}

/// <summary>The votes on one item, by constituency and in total.</summary>
public sealed record ItemTally(IReadOnlyList<ConstituencyTally> ByConstituency)
{
    public int Eligible => ByConstituency.Sum(c => c.Eligible);
    public int Recused => ByConstituency.Sum(c => c.Recused);
    public int VotesCast => ByConstituency.Sum(c => c.VotesCast);
    public int Approve => ByConstituency.Sum(c => c.Approve);
    public int ApproveWithConditions => ByConstituency.Sum(c => c.ApproveWithConditions);
    public int Reject => ByConstituency.Sum(c => c.Reject);
    public int Abstain => ByConstituency.Sum(c => c.Abstain);

    /// <summary>Constituencies with an eligible member who did not vote: they leave the constituency unrepresented.</summary>
    public IReadOnlyList<string> UnrepresentedConstituencies =>
        ByConstituency.Where(c => c.Eligible > 0 && c.VotesCast == 0).Select(c => c.Constituency).ToList();

    internal static ItemTally Count(BallotItem item, IReadOnlyList<BallotPaper> papers) =>
        new(papers.GroupBy(p => p.ConstituencyCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(group =>
        {
            var votes = group.Select(p => p.VoteOn(item.ConceptNoteId)).OfType<BallotVote>().ToList();
            int Of(VoteChoice choice) => votes.Count(v => v.Choice == choice);
            return new ConstituencyTally(group.Key, group.Count(),
                group.Count(p => p.RecusalOn(item.ConceptNoteId) is not null),
                Of(VoteChoice.Approve), Of(VoteChoice.ApproveWithConditions), Of(VoteChoice.Reject), Of(VoteChoice.Abstain));
        }).ToList());
}

/// <summary>
/// One constituency's part as it is published. A cell that would let a reader work out how a member voted (too few
/// eligible members) shows its size and turnout but not the choices, which are then left to the item's totals.
/// </summary>
public sealed record PublishedConstituencyTally(
    string Constituency,
    int Voters,
    int Recused,
    int Eligible,
    int VotesCast,
    bool Suppressed,
    int? Approve,
    int? ApproveWithConditions,
    int? Reject,
    int? Abstain);

/// <summary>The rule for publishing per-constituency tallies without naming a voter.</summary>
public static class TallyPublication
{
    /// <summary>The fewest eligible members a constituency's cell needs for its choices to be shown.</summary>
    public const int DefaultMinimumCell = 3;

    public const int MaxMinimumCell = 50;

    /// <summary>
    /// The cells as published: a cell with fewer than <paramref name="minimumCell"/> eligible members hides its choices.
    /// When the hidden cells together still hold fewer than that many, further cells (smallest first) are hidden too,
    /// since the item's totals less the visible cells would otherwise give the hidden ones back.
    /// </summary>
    public static IReadOnlyList<PublishedConstituencyTally> Publish(IReadOnlyList<ConstituencyTally> cells, int minimumCell)
    {
        var hidden = cells.Where(c => c.Eligible < minimumCell && c.Eligible > 0).Select(c => c.Constituency).ToHashSet();
        if (hidden.Count > 0)
        {
            foreach (var next in cells.Where(c => !hidden.Contains(c.Constituency) && c.Eligible > 0)
                         .OrderBy(c => c.Eligible).ThenBy(c => c.Constituency, StringComparer.Ordinal))
            {
                if (cells.Where(c => hidden.Contains(c.Constituency)).Sum(c => c.Eligible) >= minimumCell) break;
                hidden.Add(next.Constituency);
            }
        }

        return cells.Select(c => hidden.Contains(c.Constituency)
                ? new PublishedConstituencyTally(c.Constituency, c.Voters, c.Recused, c.Eligible, c.VotesCast, true,
                    null, null, null, null)
                : new PublishedConstituencyTally(c.Constituency, c.Voters, c.Recused, c.Eligible, c.VotesCast, false,
                    c.Approve, c.ApproveWithConditions, c.Reject, c.Abstain))
            .ToList();
    }
}

/// <summary>A member recused from an item, as the decision records it.</summary>
public sealed record RecordedRecusal(string Member, string Constituency, RecusalReason Reason, string Explanation);

/// <summary>
/// The committee's decision on one concept note, recorded when its ballot closed: the outcome, the tally by constituency,
/// the conditions and reasons given, the recusals and why the rule led there. Never changed.
/// </summary>
public sealed class CommitteeDecision : IAppendOnlyRecord
{
    public const int RationaleMaxLength = 4000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private CommitteeDecision()
    {
        ConceptNoteTitle = BallotTitle = Rationale = TallyJson = ConditionsJson = ReasonsJson = RecusalsJson = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid BallotId { get; private set; }
    public string BallotTitle { get; private set; }
    public Guid ConceptNoteId { get; private set; }
    public string ConceptNoteTitle { get; private set; }

    /// <summary>The submitting country (alpha-3), kept for filtering.</summary>
    public string Country { get; private set; } = string.Empty;
    public DecisionOutcome Outcome { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
    public DecisionRule DecisionRule { get; private set; }
    public int Eligible { get; private set; }
    public int QuorumRequired { get; private set; }
    public bool QuorumMet { get; private set; }
    public int VotesCast { get; private set; }
    public int Approve { get; private set; }
    public int ApproveWithConditions { get; private set; }
    public int Reject { get; private set; }
    public int Abstain { get; private set; }
    public int Recused { get; private set; }
    // What the members wrote and how each constituency voted are published only through the decision's own views,
    // which hide small cells; the audit log records that the decision was written, never these.
    [AuditWithheld]
    public string Rationale { get; private set; }
    [AuditWithheld]
    public string TallyJson { get; private set; }
    [AuditWithheld]
    public string ConditionsJson { get; private set; }
    [AuditWithheld]
    public string ReasonsJson { get; private set; }
    public string RecusalsJson { get; private set; }

    public IReadOnlyList<ConstituencyTally> Tally => Read<List<ConstituencyTally>>(TallyJson);

    /// <summary>The conditions attached by the members who approved with conditions.</summary>
    public IReadOnlyList<string> Conditions => Read<List<string>>(ConditionsJson);

    /// <summary>The reasons given with reject votes.</summary>
    public IReadOnlyList<string> RejectionReasons => Read<List<string>>(ReasonsJson);
    public IReadOnlyList<RecordedRecusal> Recusals => Read<List<RecordedRecusal>>(RecusalsJson);

    /// <summary>
    /// Applies the ballot's rule to an item's tally. Without a quorum nothing is decided (deferred), whatever the votes.
    /// Consensus: no reject vote and at least one approval approves; otherwise (a reject vote, or only abstentions) not. Majority: more approvals than rejections approves,
    /// abstentions aside. An approval is with conditions when any member attached some.
    /// </summary>
    public static DecisionOutcome OutcomeOf(BallotRule rule, ItemTally tally, out int quorumRequired, out bool quorumMet)
    {
        quorumRequired = rule.QuorumFor(tally.Eligible);
        quorumMet = tally.Eligible > 0 && tally.VotesCast >= quorumRequired &&
                    (!rule.QuorumRequiresEveryConstituency || tally.UnrepresentedConstituencies.Count == 0);
        if (!quorumMet) return DecisionOutcome.Deferred;

        var approvals = tally.Approve + tally.ApproveWithConditions;
        var approved = rule.Rule switch
        {
            DecisionRule.Consensus => tally.Reject == 0 && approvals > 0,
            DecisionRule.Majority => approvals > tally.Reject,
            _ => throw new InvalidOperationException($"Unknown decision rule {rule.Rule}."),
        };
        if (!approved) return DecisionOutcome.Rejected;
        return tally.ApproveWithConditions > 0 ? DecisionOutcome.ApprovedWithConditions : DecisionOutcome.Approved;
    }

    internal static CommitteeDecision Decide(Ballot ballot, BallotItem item, ItemTally tally, DateTimeOffset now)
    {
        var rule = ballot.Rule;
        var outcome = OutcomeOf(rule, tally, out var quorumRequired, out var quorumMet);
        var votes = ballot.Papers.Select(p => p.VoteOn(item.ConceptNoteId)).OfType<BallotVote>().ToList();
        var conditions = votes.Where(v => v.Conditions is not null).Select(v => v.Conditions!).ToList();
        var reasons = votes.Where(v => v.Reason is not null).Select(v => v.Reason!).ToList();
        var recusals = ballot.RecusalsOn(item)
            .Select(x => new RecordedRecusal(x.Paper.MemberName, x.Paper.ConstituencyCode, x.Recusal.Reason, x.Recusal.Explanation))
            .ToList();

        return new CommitteeDecision
        {
            Id = Guid.CreateVersion7(now),
            BallotId = ballot.Id,
            BallotTitle = ballot.Title,
            ConceptNoteId = item.ConceptNoteId,
            ConceptNoteTitle = item.Title,
            Country = item.Countries.FirstOrDefault() ?? string.Empty,
            Outcome = outcome,
            DecidedAt = now,
            DecisionRule = rule.Rule,
            Eligible = tally.Eligible,
            QuorumRequired = quorumRequired,
            QuorumMet = quorumMet,
            VotesCast = tally.VotesCast,
            Approve = tally.Approve,
            ApproveWithConditions = tally.ApproveWithConditions,
            Reject = tally.Reject,
            Abstain = tally.Abstain,
            Recused = tally.Recused,
            Rationale = RationaleOf(rule, tally, outcome, quorumRequired),
            TallyJson = JsonSerializer.Serialize(tally.ByConstituency, Json),
            ConditionsJson = JsonSerializer.Serialize(conditions, Json),
            ReasonsJson = JsonSerializer.Serialize(reasons, Json),
            RecusalsJson = JsonSerializer.Serialize(recusals, Json),
        };
    }

    /// <summary>Why the rule led to the outcome, in words a reader of the record of decisions follows.</summary>
    public static string RationaleOf(BallotRule rule, ItemTally tally, DecisionOutcome outcome, int quorumRequired)
    {
        var turnout = $"{tally.VotesCast} of {tally.Eligible} eligible members voted (quorum {quorumRequired}" +
                      (rule.QuorumRequiresEveryConstituency ? ", with every constituency" : "") + ")";
        var recused = tally.Recused > 0 ? $"; {tally.Recused} recused" : "";
        var counts = $"{tally.Approve} approve, {tally.ApproveWithConditions} approve with conditions, " +
                     $"{tally.Reject} reject, {tally.Abstain} abstain";
        var unrepresented = tally.UnrepresentedConstituencies;
        var because = GroundsOf(rule.Rule, outcome, tally.VotesCast, tally.Eligible, quorumRequired, tally.Reject) switch
        {
            DecisionGrounds.QuorumNotMet => "The quorum was not met, so the concept note is deferred to a later ballot.",
            DecisionGrounds.ConstituencyNotRepresented =>
                $"No member of {string.Join(", ", unrepresented)} voted, so the quorum was not met and the concept note is deferred to a later ballot.",
            DecisionGrounds.RejectedWithoutConsensus => "A member voted to reject, so there is no consensus: not approved.",
            DecisionGrounds.EveryVoteAnAbstention =>
                "Every vote was an abstention: no member approved, so there is no consensus to approve.",
            DecisionGrounds.ApprovalsDidNotOutnumberRejections => "Approvals did not outnumber rejections: not approved.",
            DecisionGrounds.ApprovedWithConditions => "Approved, with the conditions members attached.",
            DecisionGrounds.ApprovedByConsensus => "No member voted to reject: approved by consensus.",
            _ => "Approved by a majority.",
        };
        var text = $"{rule.Rule}: {turnout}{recused}; {counts}. {because}";
        return text.Length > RationaleMaxLength ? text[..RationaleMaxLength] : text;
    }

    /// <summary>Why the rule led to this decision's outcome (the rationale's last sentence, for a page in any language).</summary>
    public DecisionGrounds Grounds => GroundsOf(DecisionRule, Outcome, VotesCast, Eligible, QuorumRequired, Reject);

    /// <summary>Why a rule led to an outcome, from what the decision records.</summary>
    public static DecisionGrounds GroundsOf(DecisionRule rule, DecisionOutcome outcome, int votesCast, int eligible,
        int quorumRequired, int reject) => outcome switch
    {
        DecisionOutcome.Deferred when votesCast < quorumRequired || eligible == 0 => DecisionGrounds.QuorumNotMet,
        DecisionOutcome.Deferred => DecisionGrounds.ConstituencyNotRepresented,
        DecisionOutcome.Rejected when rule == DecisionRule.Consensus && reject > 0 => DecisionGrounds.RejectedWithoutConsensus,
        DecisionOutcome.Rejected when rule == DecisionRule.Consensus => DecisionGrounds.EveryVoteAnAbstention,
        DecisionOutcome.Rejected => DecisionGrounds.ApprovalsDidNotOutnumberRejections,
        DecisionOutcome.ApprovedWithConditions => DecisionGrounds.ApprovedWithConditions,
        _ => rule == DecisionRule.Consensus ? DecisionGrounds.ApprovedByConsensus : DecisionGrounds.ApprovedByMajority,
    };

    private static T Read<T>(string json) where T : new() =>
        string.IsNullOrEmpty(json) ? new T() : JsonSerializer.Deserialize<T>(json, Json) ?? new T();
}
