using TrustFundManager.Application.Workflows;
using TrustFundManager.Domain.Committee;

namespace TrustFundManager.Benchmarks.Http;

/// <summary>
/// A named kind of request. Before each run it prepares, untimed, what the run will use (told how many requests the
/// run may send at most) and hands back the source of the run's requests.
/// </summary>
internal sealed record LoadScenario(string Name, Func<int, CancellationToken, Task<RequestSource>> PrepareRunAsync);

/// <summary>The scenarios of <see cref="HttpMeasurements.Scenarios"/>, over the ids and users the setup found.</summary>
internal static class LoadScenarios
{
    /// <summary>How many notes of the database "get one" reads, spread over the whole list.</summary>
    private const int NotesSampledForGetOne = 1000;

    private const int PageSizeForSampling = 200;

    /// <summary>
    /// Drafts made (untimed) before each "submit" run: a run ends when they are all submitted, if its budget or
    /// request limit has not ended it first. Each one adds a note to the database, so this is kept modest.
    /// </summary>
    private const int MostDraftsPerSubmitRun = 400;

    /// <summary>Notes on the ballot of the "vote" scenario; every eligible member votes on each of them.</summary>
    private const int NotesOnVoteBallot = 4;

    public static async Task<IReadOnlyDictionary<string, LoadScenario>> DefineAsync(ApiClient api, FundSteps steps,
        TextWriter log, CancellationToken ct)
    {
        var fmu = steps.Actors.Fmu;
        var notes = await SampleNoteIdsAsync(api, fmu, ct);
        log.WriteLine($"Setup: {notes.Count} concept-note ids sampled for '{HttpMeasurements.GetOne}'");
        var fmuSession = await PageSessions.SignInAsync(api.Http.BaseAddress!, Actors.FmuUser, ct);
        var mexicoSession = await PageSessions.SignInAsync(api.Http.BaseAddress!, Actors.MexicoUser, ct);
        log.WriteLine($"Setup: signed in to the pages as {Actors.FmuUser} and {Actors.MexicoUser}");
        LoadScenario[] scenarios =
        [
            Reading(HttpMeasurements.ListPage, _ => $"/api/concept-notes?{HttpMeasurements.ListPageQuery}", fmu),
            Reading(HttpMeasurements.GetOne, sequence => $"/api/concept-notes/{notes[(int)(sequence % notes.Count)]}", fmu),
            Reading(HttpMeasurements.FundingStatus, _ => "/api/funding-status", fmu),
            Reading(HttpMeasurements.Pipeline, _ => "/api/pipeline", fmu),
            Submitting(steps, log),
            Voting(steps, log),
            Page(HttpMeasurements.FmuHomePage, _ => "/", fmuSession),
            Page(HttpMeasurements.GovernmentHomePage, _ => "/", mexicoSession),
            Page(HttpMeasurements.NotePage, sequence => $"/concept-notes/{notes[(int)(sequence % notes.Count)]}", fmuSession),
        ];
        return scenarios.ToDictionary(s => s.Name);
    }

    private static LoadScenario Reading(string name, Func<long, string> path, string token) =>
        new(name, (_, _) => Task.FromResult<RequestSource>(
            sequence => ApiClient.Request(HttpMethod.Get, path(sequence), token)));

    /// <summary>A page as the browser first loads it: the server renders it whole, with its data, before answering.</summary>
    private static LoadScenario Page(string name, Func<long, string> path, string session) =>
        new(name, (_, _) => Task.FromResult<RequestSource>(sequence => PageSessions.Request(path(sequence), session)));

    /// <summary>Ids from pages spread evenly over the list (oldest first), so that reads do not favour one end.</summary>
    private static async Task<IReadOnlyList<Guid>> SampleNoteIdsAsync(ApiClient api, string fmu, CancellationToken ct)
    {
        string PagePath(int page) => $"/api/concept-notes?sort=createdAt&pageSize={PageSizeForSampling}&page={page}";
        var first = await api.GetAsync(PagePath(1), fmu, ct);
        var lastPage = Math.Max(1, (first.GetProperty("totalCount").GetInt32() + PageSizeForSampling - 1) / PageSizeForSampling);
        var pagesWanted = Math.Min(lastPage, NotesSampledForGetOne / PageSizeForSampling);
        var pages = Enumerable.Range(0, pagesWanted)
            .Select(i => pagesWanted == 1 ? 1 : 1 + i * (lastPage - 1) / (pagesWanted - 1)).Distinct();

        var ids = new List<Guid>();
        foreach (var page in pages)
            ids.AddRange((page == 1 ? first : await api.GetAsync(PagePath(page), fmu, ct)).Items().Select(n => n.Id()));
        return ids.Count > 0 ? ids : throw new InvalidOperationException("The database holds no concept note to read.");
    }

    /// <summary>Each request submits a draft of its own, made for Mexico before the run.</summary>
    private static LoadScenario Submitting(FundSteps steps, TextWriter log) => new(HttpMeasurements.Submit,
        async (mostRequests, ct) =>
        {
            var drafts = await CreateDraftsAsync(steps, Math.Min(mostRequests, MostDraftsPerSubmitRun), ct);
            log.WriteLine($"Setup: {drafts.Count} drafts made for the next '{HttpMeasurements.Submit}' run");
            return sequence => sequence < drafts.Count
                ? ApiClient.Request(HttpMethod.Post, FundSteps.ActionPath(drafts[(int)sequence], "submit"),
                    steps.Actors.Mexico, new FireActionRequest(Comment: null, Version: null))
                : null;
        });

    private static async Task<IReadOnlyList<Guid>> CreateDraftsAsync(FundSteps steps, int count, CancellationToken ct)
    {
        var drafts = new Guid[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            // Drafted by the FMU on Mexico's behalf: a government holds at most a few drafts at once (the fund's
            // MaxOpenDraftsPerGovernment setting), and the run needs hundreds for Mexico to submit.
            async (i, token) => drafts[i] = await steps.CreateDraftAsync(steps.Actors.Fmu, "MEX",
                $"Benchmark draft {i + 1} ({Guid.NewGuid():N})", token));
        return drafts;
    }

    /// <summary>
    /// Members voting on an open ballot. Consecutive requests go to different members (all of a note's members, then
    /// the next note's), so concurrent clients write different votes; each pass over the papers switches the choice, so a repeated vote is a real change
    /// (which the API allows until the ballot closes).
    /// </summary>
    private static LoadScenario Voting(FundSteps steps, TextWriter log)
    {
        IReadOnlyList<(Guid Ballot, Guid Note, CommitteeMember Member)>? papers = null;
        return new LoadScenario(HttpMeasurements.Vote, async (_, ct) =>
        {
            papers ??= await OpenVoteBallotAsync(steps, log, ct);
            return sequence =>
            {
                var (ballot, note, member) = papers[(int)(sequence % papers.Count)];
                var choice = sequence / papers.Count % 2 == 0 ? VoteChoice.Approve : VoteChoice.Abstain;
                return ApiClient.Request(HttpMethod.Put, FundSteps.VotePath(ballot, note), member.Token, FundSteps.Vote(choice));
            };
        });
    }

    private static async Task<IReadOnlyList<(Guid Ballot, Guid Note, CommitteeMember Member)>> OpenVoteBallotAsync(
        FundSteps steps, TextWriter log, CancellationToken ct)
    {
        var notes = new List<Guid>();
        for (var i = 1; i <= NotesOnVoteBallot; i++)
            notes.Add(await steps.NoteUnderCommitteeReviewAsync($"Benchmark ballot note {i} ({Guid.NewGuid():N})", ct));
        var ballot = await steps.OpenBallotAsync(notes, $"Benchmark written procedure {Guid.NewGuid():N}", ct);

        var papers = ballot.EligibleByNote
            .SelectMany(item => item.Value.Select(member => (ballot.Id, item.Key, member)))
            .ToList();
        log.WriteLine($"Setup: ballot {ballot.Id} opened on {notes.Count} notes; {papers.Count} member-and-note papers to vote on");
        return papers.Count > 0 ? papers : throw new InvalidOperationException("Every member is recused from the ballot's notes.");
    }
}
