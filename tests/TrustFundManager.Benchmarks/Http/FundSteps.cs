using System.Text.Json;
using TrustFundManager.Application.Committee;
using TrustFundManager.Application.ConceptNotes;
using TrustFundManager.Application.Funding;
using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Committee;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using ConceptNoteBudgetShare = TrustFundManager.Application.ConceptNotes.BudgetShareRequest;

namespace TrustFundManager.Benchmarks.Http;

/// <summary>A committee member serving today, signed in.</summary>
internal sealed record CommitteeMember(string User, string Name, string Token);

/// <summary>The signed-in users the measurements act as.</summary>
internal sealed record Actors(string Fmu, string Mexico, string Ghana, IReadOnlyList<CommitteeMember> Committee)
{
    public const string FmuUser = "fmu.officer";
    public const string MexicoUser = "gov.mex";
    public const string GhanaUser = "gov.gha";

    /// <summary>Signs in the FMU, two governments and every voting member serving today (all must be demo users).</summary>
    public static async Task<Actors> SignInAsync(ApiClient api, DateOnly today, CancellationToken ct)
    {
        var fmu = await api.TokenAsync(FmuUser, ct);
        var memberships = await api.GetAsync($"/api/steering-committee/members?asOf={today:yyyy-MM-dd}", fmu, ct);
        var committee = new List<CommitteeMember>();
        foreach (var membership in memberships.EnumerateArray()
                     .Where(m => m.GetProperty("role").GetString() == nameof(CommitteeRole.Member)))
        {
            var user = membership.GetProperty("userId").GetString()!;
            committee.Add(new CommitteeMember(user, membership.GetProperty("name").GetString()!,
                await api.TokenAsync(user, ct)));
        }
        if (committee.Count == 0) throw new InvalidOperationException("No committee member serves today: nobody can vote.");
        return new Actors(fmu, await api.TokenAsync(MexicoUser, ct), await api.TokenAsync(GhanaUser, ct), committee);
    }
}

/// <summary>A ballot just opened, with the members eligible to vote on each of its notes (the others are recused).</summary>
internal sealed record OpenedBallot(Guid Id, IReadOnlyDictionary<Guid, IReadOnlyList<CommitteeMember>> EligibleByNote);

/// <summary>
/// The fund's steps through the API, each as the user who takes it: a government drafts and submits, the FMU screens,
/// forwards, runs ballots and allocates, members vote. Every step that fails throws with the API's answer.
/// </summary>
internal sealed class FundSteps(ApiClient api, Actors actors, TimeProvider time)
{
    /// <summary>Every note written here asks for this much, from two organizations none of the committee represents.</summary>
    public const decimal NoteTotalUsd = 100_000m;

    public Actors Actors => actors;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>A complete note of <paramref name="country"/>: it passes every screening check.</summary>
    public ConceptNoteRequest CompleteNote(string country, string title) => new(
        Title: title,
        Summary: "Safe and regular pathways for migrant workers and their families along the main corridors.",
        Country: country,
        OtherCountries: [],
        ThematicAreaNumber: 4,
        GcmObjectives: [5, 6],
        GuidingPrinciples: [1, 4],
        Budget: [new ConceptNoteBudgetShare("UNICEF", 60_000m), new ConceptNoteBudgetShare("ILO", 40_000m)],
        TotalRequestedUsd: NoteTotalUsd,
        DurationMonths: 24,
        Partners: [new PartnerRequest("Ministry of Labour", PartnerKind.GovernmentInstitution),
            new PartnerRequest("Migrant workers' association", PartnerKind.MigrantOrDiasporaOrganization)],
        Markers: new MarkersRequest(Gender: 2, HumanRights: 2, ChildSensitivity: 1),
        Contact: new ContactRequest("Benchmark focal point", "focal.point@example.org", Phone: null, Position: "Director"),
        Endorsement: new EndorsementRequest("Vice-Minister for Foreign Affairs", Position: null, Today.AddDays(-30)),
        Version: null);

    public async Task<Guid> CreateDraftAsync(string authorToken, string country, string title, CancellationToken ct) =>
        (await api.PostAsync("/api/concept-notes", authorToken, CompleteNote(country, title), ct)).Id();

    public static string ActionPath(Guid note, string action) => $"/api/concept-notes/{note}/actions/{action}";

    public Task<JsonElement> ActAsync(Guid note, string action, string token, CancellationToken ct) =>
        api.PostAsync(ActionPath(note, action), token, new FireActionRequest(Comment: null, Version: null), ct);

    /// <summary>A new Ghanaian note, submitted, screened with every check passed and forwarded to the committee.</summary>
    public async Task<Guid> NoteUnderCommitteeReviewAsync(string title, CancellationToken ct)
    {
        // Drafted by the FMU for Ghana, which submits it: at 100k notes the generated Ghana already holds more open
        // drafts than a government may (MaxOpenDraftsPerGovernment), so a draft of its own would be refused.
        var note = await CreateDraftAsync(actors.Fmu, "GHA", title, ct);
        await ActAsync(note, "submit", actors.Ghana, ct);
        await ActAsync(note, "startScreening", actors.Fmu, ct);
        var findings = Enum.GetValues<ScreeningItem>()
            .Select(item => new ScreeningFindingRequest(item, Passed: true, Comment: null)).ToList();
        await api.PutAsync($"/api/concept-notes/{note}/screening", actors.Fmu, new RecordScreeningRequest(findings, null), ct);
        await ActAsync(note, "forwardToCommittee", actors.Fmu, ct);
        return note;
    }

    public async Task<OpenedBallot> OpenBallotAsync(IReadOnlyList<Guid> notes, string title, CancellationToken ct)
    {
        var request = new OpenBallotRequest(title, BallotKind.WrittenProcedure, time.GetUtcNow().AddDays(7), notes.ToList());
        var ballot = await api.PostAsync("/api/ballots", actors.Fmu, request, ct);
        var eligible = ballot.GetProperty("items").EnumerateArray().ToDictionary(
            item => item.GetProperty("conceptNoteId").GetGuid(),
            item =>
            {
                var recused = item.GetProperty("recusals").EnumerateArray()
                    .Select(r => r.GetProperty("member").GetString()).ToHashSet();
                return (IReadOnlyList<CommitteeMember>)actors.Committee.Where(m => !recused.Contains(m.Name)).ToList();
            });
        return new OpenedBallot(ballot.Id(), eligible);
    }

    public static string VotePath(Guid ballot, Guid note) => $"/api/ballots/{ballot}/items/{note}/vote";

    public static CastVoteRequest Vote(VoteChoice choice) => new(choice, Conditions: null, Reason: null, Comment: null);

    public Task<JsonElement> VoteAsync(Guid ballot, Guid note, CommitteeMember member, VoteChoice choice,
        CancellationToken ct) => api.PutAsync(VotePath(ballot, note), member.Token, Vote(choice), ct);

    /// <summary>Closes a ballot before its deadline, which the API allows once every eligible member has voted.</summary>
    public Task<JsonElement> CloseEarlyAsync(Guid ballot, CancellationToken ct) =>
        api.PostAsync($"/api/ballots/{ballot}/actions/closeEarly", actors.Fmu, new FireActionRequest(null, null), ct);

    /// <summary>Funds an approved note with its own budget: the joint programme's id.</summary>
    public async Task<Guid> AllocateAsync(Guid note, CancellationToken ct) =>
        (await api.PostAsync("/api/allocations", actors.Fmu, new AllocationRequestBody(note, Budget: null, Comment: null), ct))
        .Id();

    public Task<JsonElement> GetNoteAsync(Guid note, CancellationToken ct) =>
        api.GetAsync($"/api/concept-notes/{note}", actors.Fmu, ct);

    /// <summary>
    /// Makes sure at least <paramref name="usd"/> of unearmarked money is free to allocate: if not, a new donor
    /// pledges, commits and deposits enough today, in USD, with room for the Administrative Agent's fee.
    /// </summary>
    public async Task EnsureFreeFundsAsync(decimal usd, CancellationToken ct)
    {
        var free = (await api.GetAsync("/api/pipeline", actors.Fmu, ct)).GetProperty("unearmarkedUsd").GetDecimal();
        if (free >= usd) return;

        var amount = decimal.Round((usd - free) * 1.1m, 0, MidpointRounding.ToPositiveInfinity);
        var donor = await api.PostAsync("/api/donors", actors.Fmu,
            new DonorRequest($"Benchmark donor {Guid.NewGuid():N}", DonorKind.Private, Country: null), ct);
        var contribution = await api.PostAsync("/api/contributions", actors.Fmu,
            new PledgeRequest(donor.Id(), Today, amount, "USD", RateToUsd: 1m), ct);
        await api.PostAsync($"/api/contributions/{contribution.Id()}/commitment", actors.Fmu,
            new CommitmentRequest(Today, amount, "USD", 1m, EarmarkedAreaNumber: null, $"BENCH-{Guid.NewGuid():N}", null), ct);
        await api.PostAsync($"/api/contributions/{contribution.Id()}/deposits", actors.Fmu,
            new DepositRequest(Today, amount, 1m, $"BENCH-{Guid.NewGuid():N}"), ct);
    }
}
