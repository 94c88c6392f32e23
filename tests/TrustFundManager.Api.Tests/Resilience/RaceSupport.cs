using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFundManager.Testing;
using TrustFundManager.Workflows.Instances;

namespace TrustFundManager.Api.Tests.Resilience;

/// <summary>Requests released at the same moment, and what every race must end in: a success or a 409, never a 500.</summary>
internal static class RaceSupport
{
    /// <summary>
    /// Runs every call at once: each waits at one gate, opened when all are waiting, so none gets a head start from
    /// being created first.
    /// </summary>
    public static async Task<T[]> AtOnceAsync<T>(params Func<Task<T>>[] calls)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = calls.Select(async call =>
        {
            await gate.Task;
            return await call();
        }).ToList();
        gate.SetResult();
        return await Task.WhenAll(running);
    }

    /// <summary>Runs calls of different kinds at once (requests and the timer processor, say), as above.</summary>
    public static async Task AllAtOnceAsync(params Func<Task>[] calls) =>
        await AtOnceAsync(calls.Select(call => (Func<Task<bool>>)(async () =>
        {
            await call();
            return true;
        })).ToArray());

    /// <summary>Asserts each response is <paramref name="success"/> or a 409 problem, and returns whether it succeeded.</summary>
    public static async Task<bool[]> WonAsync(HttpStatusCode success, params HttpResponseMessage[] responses)
    {
        var won = new bool[responses.Length];
        for (var i = 0; i < responses.Length; i++)
        {
            if (responses[i].StatusCode == success)
            {
                won[i] = true;
                continue;
            }
            await HttpAssert.ProblemAsync(responses[i], HttpStatusCode.Conflict);
        }
        return won;
    }

    /// <summary>The journal of the workflow instance whose subject (a note, a ballot, a programme) is <paramref name="subject"/>.</summary>
    public static Task<List<WorkflowJournalEntry>> JournalOfAsync(this TrustFundApiFactory api, Guid subject) =>
        api.WithDbAsync(db => db.WorkflowJournal.AsNoTracking()
            .Where(j => db.WorkflowInstances.Any(i => i.Id == j.InstanceId && i.SubjectId == subject))
            .OrderBy(j => j.Step).ToListAsync(TestContext.Current.CancellationToken));

    public static Task<List<WorkflowTimer>> TimersOfAsync(this TrustFundApiFactory api, Guid subject) =>
        api.WithDbAsync(db => db.WorkflowTimers.AsNoTracking()
            .Where(t => db.WorkflowInstances.Any(i => i.Id == t.InstanceId && i.SubjectId == subject))
            .ToListAsync(TestContext.Current.CancellationToken));

    public static async Task<int> CountOfAsync(this TrustFundApiFactory api, Guid subject, string action) =>
        (await api.JournalOfAsync(subject)).Count(j => j.Action == action);
}
