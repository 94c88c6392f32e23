namespace TrustFundManager.Domain.Auditing;

/// <summary>
/// A record that is itself the history (the audit log, a workflow journal): added once, never changed or
/// removed, and so not audited again.
/// </summary>
public interface IAppendOnlyRecord;
