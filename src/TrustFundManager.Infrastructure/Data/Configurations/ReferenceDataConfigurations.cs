using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFundManager.Domain.ReferenceData;

namespace TrustFundManager.Infrastructure.Data.Configurations;

internal sealed class ThematicAreaConfiguration : IEntityTypeConfiguration<ThematicArea>
{
    public void Configure(EntityTypeBuilder<ThematicArea> builder)
    {
        builder.HasKey(a => a.Number);
        builder.Property(a => a.Number).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(ThematicArea.TitleMaxLength);
        builder.Property(a => a.Description).HasMaxLength(ThematicArea.DescriptionMaxLength);
        builder.Property(a => a.MembershipVersion).IsConcurrencyToken();
    }
}

internal sealed class GcmObjectiveConfiguration : IEntityTypeConfiguration<GcmObjective>
{
    public void Configure(EntityTypeBuilder<GcmObjective> builder)
    {
        builder.HasKey(o => o.Number);
        builder.Property(o => o.Number).ValueGeneratedNever();
        builder.Property(o => o.Title).HasMaxLength(GcmObjective.TitleMaxLength);
        builder.Property(o => o.Description).HasMaxLength(GcmObjective.DescriptionMaxLength);

        // A required key to one area: the database itself keeps every objective in exactly one area.
        builder.HasOne<ThematicArea>().WithMany().HasForeignKey(o => o.ThematicAreaNumber)
            .IsRequired().OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GuidingPrincipleConfiguration : IEntityTypeConfiguration<GuidingPrinciple>
{
    public void Configure(EntityTypeBuilder<GuidingPrinciple> builder)
    {
        builder.HasKey(p => p.Number);
        builder.Property(p => p.Number).ValueGeneratedNever();
        builder.Property(p => p.Title).HasMaxLength(GuidingPrinciple.TitleMaxLength);
        builder.Property(p => p.Description).HasMaxLength(GuidingPrinciple.DescriptionMaxLength);
    }
}

internal sealed class ConstituencyConfiguration : IEntityTypeConfiguration<Constituency>
{
    public void Configure(EntityTypeBuilder<Constituency> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(Constituency.CodeMaxLength);
        builder.Property(c => c.Name).HasMaxLength(Constituency.NameMaxLength);
        builder.Property(c => c.Description).HasMaxLength(Constituency.DescriptionMaxLength);
        builder.ToTable(t => t.HasCheckConstraint("CK_Constituencies_Seats",
            $"Seats >= 1 AND Seats <= {Constituency.MaxSeats}"));
    }
}

internal sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.HasKey(c => c.Alpha3);
        builder.Property(c => c.Alpha3).HasMaxLength(3).IsFixedLength();
        builder.Property(c => c.Alpha2).HasMaxLength(2).IsFixedLength();
        builder.HasIndex(c => c.Alpha2).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(Country.NameMaxLength);
        builder.HasIndex(c => c.Region);
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.HasKey(o => o.Code);
        builder.Property(o => o.Code).HasMaxLength(Organization.CodeMaxLength);
        builder.Property(o => o.Acronym).HasMaxLength(Organization.AcronymMaxLength);
        builder.Property(o => o.Name).HasMaxLength(Organization.NameMaxLength);
    }
}

internal sealed class FundSettingsConfiguration : IEntityTypeConfiguration<FundSettings>
{
    public void Configure(EntityTypeBuilder<FundSettings> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.FundName).HasMaxLength(FundSettings.FundNameMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.BudgetCeilingUsd).HasPrecision(19, 2);
        builder.Property(s => s.AdministrativeAgentFeeRate).HasPrecision(9, 6);
        builder.Property(s => s.IndirectCostRate).HasPrecision(9, 6);
        builder.Property(s => s.MinimumParticipationShare).HasPrecision(9, 6);
        builder.Ignore(s => s.Values);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_FundSettings_Singleton", $"Id = {FundSettings.SingletonId}");
            t.HasCheckConstraint("CK_FundSettings_Durations", "MinDurationMonths >= 1 AND MaxDurationMonths >= MinDurationMonths");
            t.HasCheckConstraint("CK_FundSettings_Quorum", "QuorumNumerator >= 1 AND QuorumNumerator <= QuorumDenominator");
            t.HasCheckConstraint("CK_FundSettings_RevisionPeriod",
                $"RevisionPeriodDays BETWEEN {FundSettings.MinRevisionPeriodDays} AND {FundSettings.MaxRevisionPeriodDays}");
            t.HasCheckConstraint("CK_FundSettings_CommitteeTerm",
                $"CommitteeTermMonths BETWEEN {FundSettings.MinCommitteeTermMonths} AND {FundSettings.MaxCommitteeTermMonths}");
            // SQLite keeps decimals as text, which compares above any number: the casts make these bounds
            // checks work on both providers (bounds only; the exact values are the domain's business).
            t.HasCheckConstraint("CK_FundSettings_BudgetCeiling", "CAST(BudgetCeilingUsd AS REAL) > 0");
            t.HasCheckConstraint("CK_FundSettings_Rates",
                "CAST(AdministrativeAgentFeeRate AS REAL) BETWEEN 0 AND 0.5 AND CAST(IndirectCostRate AS REAL) BETWEEN 0 AND 0.5");
        });
    }
}
