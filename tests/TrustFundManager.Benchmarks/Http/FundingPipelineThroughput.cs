using System.Diagnostics;
using TrustFundManager.Domain.Committee;

namespace TrustFundManager.Benchmarks.Http;

/// <summary>
/// Concept notes taken one after another from draft to funded joint programme, every step through the API as the
/// user who takes it: the government drafts and submits; the FMU screens and forwards; the FMU opens a ballot on the
/// note, every eligible member approves and the FMU closes it early; the FMU allocates the note's budget.
/// </summary>
internal static class FundingPipelineThroughput
{
    public static async Task<PipelineFigure> MeasureAsync(FundSteps steps, int notes, TextWriter log, CancellationToken ct)
    {
        // Untimed: the allocations must find the money free.
        await steps.EnsureFreeFundsAsync(notes * FundSteps.NoteTotalUsd, ct);

        var funded = new List<Guid>();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 1; i <= notes; i++)
            funded.Add(await FundOneAsync(steps, $"Benchmark pipeline note {i} ({Guid.NewGuid():N})", ct));
        stopwatch.Stop();

        await VerifyFundedAsync(steps, funded, ct);
        var figure = new PipelineFigure(notes, stopwatch.Elapsed);
        log.WriteLine($"pipeline throughput: {notes} notes funded in {figure.Elapsed.TotalSeconds:0.00} s " +
            $"({figure.NotesPerSecond:0.00} notes/s)");
        return figure;
    }

    private static async Task<Guid> FundOneAsync(FundSteps steps, string title, CancellationToken ct)
    {
        var note = await steps.NoteUnderCommitteeReviewAsync(title, ct);
        var ballot = await steps.OpenBallotAsync([note], $"Written procedure on {title}", ct);
        foreach (var member in ballot.EligibleByNote[note])
            await steps.VoteAsync(ballot.Id, note, member, VoteChoice.Approve, ct);
        await steps.CloseEarlyAsync(ballot.Id, ct);
        await steps.AllocateAsync(note, ct);
        return note;
    }

    /// <summary>Every note must read as funded, with its joint programme: anything else is a failure, not a figure.</summary>
    private static async Task VerifyFundedAsync(FundSteps steps, IReadOnlyList<Guid> notes, CancellationToken ct)
    {
        var notFunded = new List<string>();
        foreach (var id in notes)
        {
            var note = await steps.GetNoteAsync(id, ct);
            var programme = note.GetProperty("links").GetProperty("jointProgramme");
            if (note.StatusName() != "funded" || programme.ValueKind != System.Text.Json.JsonValueKind.String)
                notFunded.Add($"{id} ({note.StatusName()})");
        }
        if (notFunded.Count > 0)
            throw new InvalidOperationException(
                $"{notFunded.Count} of {notes.Count} pipeline notes are not funded: {string.Join(", ", notFunded)}");
    }
}
