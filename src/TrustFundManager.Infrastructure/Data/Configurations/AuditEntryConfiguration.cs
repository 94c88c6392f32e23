using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFundManager.Domain.Auditing;

namespace TrustFundManager.Infrastructure.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(200);
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityId).HasMaxLength(200);
        builder.Property(e => e.Action).HasMaxLength(20);
        builder.Property(e => e.CorrelationId).HasMaxLength(64);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        // The log's filters, newest first: by actor (and type), and by type alone.
        builder.HasIndex(e => new { e.Actor, e.EntityType, e.Id });
        builder.HasIndex(e => new { e.EntityType, e.Id });
    }
}
