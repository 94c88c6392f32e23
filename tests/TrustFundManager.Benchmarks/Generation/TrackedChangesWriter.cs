using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TrustFundManager.Domain.Auditing;
using TrustFundManager.Infrastructure.Auditing;

namespace TrustFundManager.Benchmarks.Generation;

/// <summary>
/// Writes what a context tracks as its SaveChanges would, row for row, but with one prepared statement per table and
/// change kind instead of EF's per-save SQL generation and batching, which is most of the generator's time at scale.
/// The application's own <see cref="AuditInterceptor"/> adds the audit entries, and every value is bound through the
/// column's EF type mapping, so the rows are those the API writes. Runs inside the caller's transaction, whose
/// foreign keys are checked at its commit (rows are written in tracking order, not EF's dependency order).
/// </summary>
public sealed class TrackedChangesWriter(DbContext db, AuditInterceptor audit) : IDisposable
{
    private readonly Dictionary<(IEntityType Type, EntityState State, bool StoreKey), RowCommand> _commands = [];

    public void Save()
    {
        // The interceptor detects the changes and tracks one audit entry per added or changed entity.
        audit.SavingChanges(new DbContextEventData(null!, null!, db), default);
        var changed = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        if (db.ChangeTracker.Entries().Any(e => e.State == EntityState.Deleted))
            throw new NotSupportedException("The generator never removes rows.");

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("Rows are written inside the generator's transaction.");
        foreach (var entry in changed)
        {
            var storeKey = entry.Metadata.FindPrimaryKey()!.Properties.Any(p => entry.Property(p.Name).IsTemporary);
            var key = (entry.Metadata, entry.State, storeKey);
            if (!_commands.TryGetValue(key, out var command))
                _commands[key] = command = RowCommand.For(connection, entry.Metadata, entry.State, storeKey);
            command.Execute(entry, transaction);
        }

        // Audit entries get their key from the database and are never read back: they leave the tracker.
        foreach (var entry in changed.Where(e => e.Entity is AuditEntry)) entry.State = EntityState.Detached;
        db.ChangeTracker.AcceptAllChanges();
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }

    /// <summary>An INSERT of every column, or an UPDATE of every non-key column by key, of one entity type's table.</summary>
    private sealed class RowCommand : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly (IProperty Property, DbParameter Parameter, ValueConverter? Converter)[] _columns;

        private RowCommand(SqliteCommand command, (IProperty, DbParameter, ValueConverter?)[] columns)
        {
            _command = command;
            _columns = columns;
        }

        public static RowCommand For(SqliteConnection connection, IEntityType type, EntityState state, bool storeKey)
        {
            if (type.BaseType is not null || type.GetDerivedTypes().Any() || type.GetComplexProperties().Any())
                throw new NotSupportedException($"{type.ClrType.Name}: only one-table entity types (owned ones included) are written directly.");
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var properties = type.GetProperties()
                .Where(p => !(storeKey && p.IsPrimaryKey()))
                .ToList();
            var command = connection.CreateCommand();
            var columns = properties.Select((p, i) =>
            {
                var mapping = (RelationalTypeMapping)p.GetRelationalTypeMapping();
                return (p, mapping.CreateParameter(command, $"@p{i}", null, p.IsNullable), mapping.Converter);
            }).ToArray();
            foreach (var (_, parameter, _) in columns) command.Parameters.Add(parameter);

            string Column(IProperty p) => $"\"{p.GetColumnName(table)}\"";
            string Parameter(IProperty p) => $"@p{properties.IndexOf(p)}";
            command.CommandText = state switch
            {
                EntityState.Added =>
                    $"INSERT INTO \"{table.Name}\" ({string.Join(", ", properties.Select(Column))}) " +
                    $"VALUES ({string.Join(", ", properties.Select(Parameter))})",
                EntityState.Modified =>
                    $"UPDATE \"{table.Name}\" SET {string.Join(", ", properties.Where(p => !p.IsPrimaryKey()).Select(p => $"{Column(p)} = {Parameter(p)}"))} " +
                    $"WHERE {string.Join(" AND ", properties.Where(p => p.IsPrimaryKey()).Select(p => $"{Column(p)} = {Parameter(p)}"))}",
                _ => throw new NotSupportedException(state.ToString()),
            };
            return new RowCommand(command, columns);
        }

        public void Execute(EntityEntry entry, SqliteTransaction transaction)
        {
            _command.Transaction = transaction;
            var values = entry.CurrentValues;
            foreach (var (property, parameter, converter) in _columns)
            {
                var value = values[property];
                parameter.Value = value is null ? DBNull.Value : converter?.ConvertToProvider(value) ?? value;
            }
            if (_command.ExecuteNonQuery() != 1)
                throw new InvalidOperationException($"Writing {entry.Metadata.ClrType.Name} touched no row.");
        }

        public void Dispose() => _command.Dispose();
    }
}
