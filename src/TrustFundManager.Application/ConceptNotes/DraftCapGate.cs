using System.Collections.Concurrent;

namespace TrustFundManager.Application.ConceptNotes;

/// <summary>
/// Lets one draft at a time per government be counted against the cap and saved, so creates racing each other on
/// this host cannot each see room that only one of them has. Hosts sharing a database each have their own gate: there
/// a burst can overshoot the cap by at most one draft per further host.
/// </summary>
public sealed class DraftCapGate
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the country's turn; dispose the result once the draft is saved or refused.</summary>
    public async Task<IDisposable> EnterAsync(string country, CancellationToken ct)
    {
        var gate = gates.GetOrAdd(country, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) gate.Release();
        }
    }
}
