using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TrustFundManager.Infrastructure.Data;

public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    /// <summary>
    /// The save broke a unique key: someone else wrote the same row (or the same journal step) at the same
    /// moment. A conflict for the caller, not a fault.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } sqlite =>
            sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
        SqlException sql => sql.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint,
        _ => false,
    };
}
