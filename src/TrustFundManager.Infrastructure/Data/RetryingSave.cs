using Microsoft.EntityFrameworkCore;

namespace TrustFundManager.Infrastructure.Data;

public static class RetryingSave
{
    /// <summary>Enough for a burst of clicks: with n writers racing, the last one needs at most n attempts.</summary>
    public const int Attempts = 8;

    /// <summary>
    /// Runs <paramref name="change"/> on a fresh read and saves it; when another write got there first (a version or a
    /// unique key), reads again and re-applies the change to what is there now, so the domain's rules judge the latest
    /// state and a limit two writers race for is never passed.
    /// </summary>
    public static async Task<T> SaveWithRetryAsync<T>(this TrustFundDbContext db, Func<Task<T>> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var result = await change();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException e) when (attempt < Attempts && (e is DbUpdateConcurrencyException || e.IsUniqueViolation()))
            {
                // Someone wrote first; the next attempt reads what they wrote.
            }
        }
    }
}
