using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TrustFundManager.Domain.Auditing;

namespace TrustFundManager.Infrastructure.Auditing;

/// <summary>
/// Writes one <see cref="AuditEntry"/> per added, changed or removed entity, in the same SaveChanges and so
/// the same transaction as the change itself. Refuses any change to existing audit entries. Values marked
/// <see cref="AuditWithheldAttribute"/> (a secret vote's content) are never written: the entry shows only that the
/// entity changed. Append-only records are audited when added, so the log alone shows a deposit's rate, fee and
/// reference or a transfer's tranche.
/// </summary>
public sealed class AuditInterceptor(IActorContext actorContext, TimeProvider timeProvider) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null) AddAuditEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null) AddAuditEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddAuditEntries(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var now = timeProvider.GetUtcNow();
        var entries = new List<AuditEntry>();

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is IAppendOnlyRecord && entry.State is (EntityState.Modified or EntityState.Deleted))
                throw new InvalidOperationException(
                    $"{entry.Metadata.ClrType.Name} records are append-only: they are never changed or removed.");
            // The log does not record its own entries; every other record written, append-only ones included
            // (deposits, transfers, decisions, versions, the journal), gets an entry of its own.
            if (entry.Entity is AuditEntry) continue;
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;

            var changes = DescribeChanges(entry);
            if (changes is null) continue;
            entries.Add(new AuditEntry(now, actorContext.Actor, entry.Metadata.ClrType.Name, KeyOf(entry),
                entry.State.ToString(), changes, actorContext.CorrelationId));
        }

        context.AddRange(entries);
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey()
                  ?? throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} has no key to audit.");
        var parts = key.Properties.Select(p => entry.Property(p.Name)).ToList();
        if (parts.Any(p => p.IsTemporary))
            throw new InvalidOperationException(
                $"{entry.Metadata.ClrType.Name} gets its key from the database, so its audit entry could not name it: give audited entities keys known before saving (natural keys or GUIDs).");
        return string.Join("|", parts.Select(p => Convert.ToString(p.CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The changed values as JSON, or null when a modified entity has no value that really changed.</summary>
    private static string? DescribeChanges(EntityEntry entry)
    {
        var changes = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.PropertyInfo?.IsDefined(typeof(AuditWithheldAttribute), inherit: true) == true) continue;
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Metadata.Name);
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[name] = new { to = property.CurrentValue };
                    break;
                case EntityState.Deleted:
                    changes[name] = new { from = property.OriginalValue };
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = new { from = property.OriginalValue, to = property.CurrentValue };
                    break;
            }
        }

        return changes.Count == 0 ? null : JsonSerializer.Serialize(changes, JsonOptions);
    }
}
