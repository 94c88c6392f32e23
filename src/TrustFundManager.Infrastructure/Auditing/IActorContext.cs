namespace TrustFundManager.Infrastructure.Auditing;

/// <summary>Who is acting in the current unit of work, for the audit log and the journal.</summary>
public interface IActorContext
{
    /// <summary>A stable identifier of the acting user, or <c>system</c> for the application itself.</summary>
    string Actor { get; }

    string? CorrelationId { get; }
}

/// <summary>The application acting on its own: seeding, background services.</summary>
public sealed class SystemActorContext : IActorContext
{
    public const string SystemActor = "system";
    public string Actor => SystemActor;
    public string? CorrelationId => null;
}
