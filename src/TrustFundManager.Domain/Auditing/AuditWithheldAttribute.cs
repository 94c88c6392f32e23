namespace TrustFundManager.Domain.Auditing;

/// <summary>
/// A value the audit log never holds: an entry records that the entity changed, and when and by whom, but not this
/// property's old or new value. A secret vote's choice, conditions, reason and comment are such values.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditWithheldAttribute : Attribute;
