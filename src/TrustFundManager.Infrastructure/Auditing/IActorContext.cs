namespace TrustFundManager.Infrastructure.Auditing;

/// <summary>Who is acting in the current unit of work, for the audit log and the journal.</summary>
public interface IActorContext
{
    /// <summary>A stable identifier of the acting user, or <c>system</c> for the application itself.</summary>
    string Actor { get; }

    string? CorrelationId { get; }
}

/// <summary>The actor named when the application acts on its own: seeding, background services.</summary>
public static class SystemActorContext
{
    public const string SystemActor = "system";
}
