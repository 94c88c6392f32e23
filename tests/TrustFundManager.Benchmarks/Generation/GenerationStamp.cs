using Microsoft.Data.Sqlite;

namespace TrustFundManager.Benchmarks.Generation;

/// <summary>
/// The scale and generator version a database was made with, written once the generator's checks passed: a database
/// is reused only when both match, so an interrupted run, another scale or an older generator's data is made anew.
/// </summary>
public static class GenerationStamp
{
    /// <summary>Raise whenever the generator writes different rows (tables, proportions, shapes).</summary>
    public const int GeneratorVersion = 4;

    /// <summary>Not an application table: the row counts and the API leave it alone.</summary>
    public const string Table = "__BenchmarkGeneration";

    public static async Task WriteAsync(SqliteConnection connection, int scale, DateTimeOffset generatedAt, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"CREATE TABLE IF NOT EXISTS \"{Table}\" (Scale INTEGER NOT NULL, GeneratorVersion INTEGER NOT NULL, GeneratedAt TEXT NOT NULL); " +
            $"DELETE FROM \"{Table}\"; " +
            $"INSERT INTO \"{Table}\" (Scale, GeneratorVersion, GeneratedAt) VALUES ($scale, $version, $at);";
        command.Parameters.AddWithValue("$scale", scale);
        command.Parameters.AddWithValue("$version", GeneratorVersion);
        command.Parameters.AddWithValue("$at", generatedAt.ToString("O"));
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<bool> MatchesAsync(string path, int scale, CancellationToken ct)
    {
        if (!File.Exists(path)) return false;
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{Table}'";
        if ((long)(await command.ExecuteScalarAsync(ct))! == 0) return false;
        command.CommandText = $"SELECT COUNT(*) FROM \"{Table}\" WHERE Scale = $scale AND GeneratorVersion = $version";
        command.Parameters.AddWithValue("$scale", scale);
        command.Parameters.AddWithValue("$version", GeneratorVersion);
        return (long)(await command.ExecuteScalarAsync(ct))! == 1;
    }
}
