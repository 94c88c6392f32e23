using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrustFundManager.Infrastructure.Data;

/// <summary>
/// Lets SQLite itself wait for another connection's write to finish (<c>PRAGMA busy_timeout</c>) instead of failing at
/// once. Without it, Microsoft.Data.Sqlite retries a busy statement after sleeping 150 ms, so two committee members
/// voting at the same moment made the second wait 150 ms or more for a write that takes a millisecond.
/// </summary>
public sealed class SqliteBusyTimeoutInterceptor(TimeSpan timeout) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = BusyTimeout(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = BusyTimeout(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand BusyTimeout(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {(long)timeout.TotalMilliseconds};";
        return command;
    }
}
