namespace TrustFundManager.Domain.Auditing;

/// <summary>One recorded change to one entity. Append-only: never updated, never deleted.</summary>
public sealed class AuditEntry : IAppendOnlyRecord
{
    private AuditEntry()
    {
        Actor = EntityType = EntityId = Action = Changes = string.Empty;
    }

    public AuditEntry(DateTimeOffset occurredAt, string actor, string entityType, string entityId, string action,
        string changes, string? correlationId)
    {
        OccurredAt = occurredAt;
        Actor = actor;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Changes = changes;
        CorrelationId = correlationId;
    }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Actor { get; private set; }
    public string EntityType { get; private set; }
    public string EntityId { get; private set; }

    /// <summary>Added, Modified or Deleted.</summary>
    public string Action { get; private set; }

    /// <summary>JSON object: property name to <c>{"from": ..., "to": ...}</c>.</summary>
    public string Changes { get; private set; }

    public string? CorrelationId { get; private set; }
}
