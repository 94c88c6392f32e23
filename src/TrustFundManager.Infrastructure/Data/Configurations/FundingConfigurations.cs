using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFundManager.Domain.ConceptNotes;
using TrustFundManager.Domain.Funding;
using TrustFundManager.Domain.ReferenceData;
using TrustFundManager.Infrastructure.Funding;

namespace TrustFundManager.Infrastructure.Data.Configurations;

internal sealed class DonorConfiguration : IEntityTypeConfiguration<Donor>
{
    public void Configure(EntityTypeBuilder<Donor> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(Donor.NameMaxLength);
        builder.HasIndex(d => d.Name).IsUnique();
        builder.Property(d => d.Country).HasMaxLength(3);
        builder.HasOne<Country>().WithMany().HasForeignKey(d => d.Country).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.CreatedBy).HasMaxLength(200);
    }
}

internal sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    private const int RatePrecision = 18;

    public void Configure(EntityTypeBuilder<Contribution> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasOne<Donor>().WithMany().HasForeignKey(c => c.DonorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.PledgedCurrency).HasMaxLength(3);
        builder.Property(c => c.CommittedCurrency).HasMaxLength(3);
        builder.Property(c => c.PledgedRateToUsd).HasPrecision(RatePrecision, Money.RateDecimals);
        builder.Property(c => c.CommitmentRateToUsd).HasPrecision(RatePrecision, Money.RateDecimals);
        builder.Property(c => c.AgreementReference).HasMaxLength(Contribution.ReferenceMaxLength);
        builder.HasOne<ThematicArea>().WithMany().HasForeignKey(c => c.EarmarkedAreaNumber).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.CreatedBy).HasMaxLength(200);
        builder.Property(c => c.UpdatedBy).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Status);
        builder.Ignore(c => c.OutstandingAmount);
        builder.HasMany(c => c.Deposits).WithOne().HasForeignKey(d => d.ContributionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Deposits).HasField("_deposits").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(c => c.PledgedOn);
        builder.HasIndex(c => c.CommittedOn);
        // The funding status sums pledges and commitments by donor and earmark: this index holds every column it
        // reads, in the order it groups them, so SQLite reads the index alone.
        builder.HasIndex(c => new { c.DonorId, c.EarmarkedAreaNumber, c.PledgedOn, c.CommittedOn, c.PledgedUsd, c.CommittedUsd })
            .HasDatabaseName("IX_Contributions_FundingStatus");
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Contributions_PledgedAmount", "PledgedAmount > 0");
            t.HasCheckConstraint("CK_Contributions_CommittedAmount", "CommittedAmount IS NULL OR CommittedAmount > 0");
            t.HasCheckConstraint("CK_Contributions_DepositedAmount", "DepositedAmount >= 0");
            // Limits between columns of one row hold in the database as well as in the domain, now that amounts compare
            // as numbers on both providers (integers on SQLite): the deposits, in the commitment's currency, never
            // exceed it, and there are none before it.
            t.HasCheckConstraint("CK_Contributions_DepositedWithinCommitment",
                "DepositedAmount <= CASE WHEN CommittedAmount IS NULL THEN 0 ELSE CommittedAmount END");
        });
    }
}

internal sealed class DepositConfiguration : IEntityTypeConfiguration<Deposit>
{
    public void Configure(EntityTypeBuilder<Deposit> builder)
    {
        builder.HasKey(d => d.Id);
        // Set by the domain: a new deposit found on a tracked contribution is an insert, not an update.
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Currency).HasMaxLength(3);
        builder.Property(d => d.RateToUsd).HasPrecision(18, Money.RateDecimals);
        builder.Property(d => d.FeeRate).HasPrecision(9, 6);
        builder.Property(d => d.Reference).HasMaxLength(Contribution.ReferenceMaxLength);
        builder.Property(d => d.RecordedBy).HasMaxLength(200);
        builder.HasIndex(d => new { d.ContributionId, d.Number }).IsUnique();
        // A double-clicked deposit carries the same bank reference: the second is refused.
        builder.HasIndex(d => new { d.ContributionId, d.Reference }).IsUnique();
        builder.HasIndex(d => d.ReceivedOn);
        // The donor and the earmark, copies of the contribution's (which the foreign key to it holds), let the sums by
        // pool (each allocation's free balance) and by donor (the funding status) read the deposits alone, without a
        // join per deposit; the index holds every column they read, in the order they group them.
        builder.HasIndex(d => new { d.EarmarkedAreaNumber, d.DonorId, d.ReceivedOn, d.AmountUsd, d.FeeUsd, d.NetUsd })
            .HasDatabaseName("IX_Deposits_FundingStatus");
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Deposits_Amount", "Amount > 0 AND AmountUsd > 0 AND FeeUsd >= 0 AND NetUsd >= 0");
            t.HasCheckConstraint("CK_Deposits_NetUsd", "NetUsd = AmountUsd - FeeUsd");
        });
    }
}

internal sealed class FundingTargetConfiguration : IEntityTypeConfiguration<FundingTarget>
{
    public void Configure(EntityTypeBuilder<FundingTarget> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Title).HasMaxLength(FundingTarget.TitleMaxLength);
        builder.Property(t => t.UpdatedBy).HasMaxLength(200);
        builder.HasIndex(t => t.DueOn).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_FundingTargets_AmountUsd", "AmountUsd > 0"));
    }
}

internal sealed class JointProgrammeConfiguration : IEntityTypeConfiguration<JointProgramme>
{
    public void Configure(EntityTypeBuilder<JointProgramme> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasOne<ConceptNote>().WithMany().HasForeignKey(p => p.ConceptNoteId).OnDelete(DeleteBehavior.Restrict);
        // A concept note is funded once: a double-clicked allocation cannot make two programmes.
        builder.HasIndex(p => p.ConceptNoteId).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(ConceptNoteContent.TitleMaxLength);
        builder.Property(p => p.Country).HasMaxLength(3);
        builder.HasOne<Country>().WithMany().HasForeignKey(p => p.Country).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ThematicArea>().WithMany().HasForeignKey(p => p.ThematicAreaNumber).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.IndirectCostRate).HasPrecision(9, 6);
        builder.Property(p => p.AllocatedBy).HasMaxLength(200);
        builder.Property(p => p.UpdatedBy).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.DeliveryRate);
        builder.HasMany(p => p.Budget).WithOne().HasForeignKey(b => b.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Budget).HasField("_budget").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Transfers).WithOne().HasForeignKey(t => t.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.Transfers).HasField("_transfers").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Expenditures).WithOne().HasForeignKey(e => e.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Expenditures).HasField("_expenditures").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => p.AllocatedOn);
        builder.HasIndex(p => p.ThematicAreaNumber);
        builder.HasIndex(p => p.Country);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_JointProgrammes_Amounts",
                "AllocatedUsd > 0 AND FromEarmarkedUsd >= 0 AND FromUnearmarkedUsd >= 0 AND TransferredUsd >= 0 AND SpentUsd >= 0 AND ReleasedUsd >= 0");
            // The allocation is drawn from the pools in full, a release goes back to the pools it came from, what was
            // transferred and released stays within the allocation, spending within the transfers.
            t.HasCheckConstraint("CK_JointProgrammes_Drawn", "FromEarmarkedUsd + FromUnearmarkedUsd = AllocatedUsd");
            t.HasCheckConstraint("CK_JointProgrammes_Released",
                "ReleasedToEarmarkedUsd >= 0 AND ReleasedToUnearmarkedUsd >= 0 " +
                "AND ReleasedToEarmarkedUsd + ReleasedToUnearmarkedUsd = ReleasedUsd " +
                "AND ReleasedToEarmarkedUsd <= FromEarmarkedUsd AND ReleasedToUnearmarkedUsd <= FromUnearmarkedUsd");
            t.HasCheckConstraint("CK_JointProgrammes_WithinAllocation",
                "TransferredUsd + ReleasedUsd <= AllocatedUsd AND SpentUsd <= TransferredUsd AND IndirectCostUsd <= AllocatedUsd");
        });
    }
}

internal sealed class ProgrammeBudgetLineConfiguration : IEntityTypeConfiguration<ProgrammeBudgetLine>
{
    public void Configure(EntityTypeBuilder<ProgrammeBudgetLine> builder)
    {
        builder.ToTable("ProgrammeBudgetLines", t =>
        {
            t.HasCheckConstraint("CK_ProgrammeBudgetLines_Amounts",
                "AmountUsd > 0 AND IndirectCostUsd >= 0 AND DirectCostUsd > 0 AND TransferredUsd >= 0 AND SpentUsd >= 0");
            // The budget is its direct and indirect cost; transfers and the release stay within it, spending within
            // the transfers. (Each transfer against the line's total, or a year's expenditure against the others, are
            // comparisons across rows: the domain's, under the programme's version.)
            t.HasCheckConstraint("CK_ProgrammeBudgetLines_Costs", "DirectCostUsd + IndirectCostUsd = AmountUsd");
            t.HasCheckConstraint("CK_ProgrammeBudgetLines_WithinBudget",
                "ReleasedUsd >= 0 AND TransferredUsd + ReleasedUsd <= AmountUsd AND SpentUsd <= TransferredUsd");
        });
        builder.HasKey(b => new { b.ProgrammeId, b.Organization });
        builder.Property(b => b.Organization).HasMaxLength(Organization.CodeMaxLength);
        builder.HasOne<Organization>().WithMany().HasForeignKey(b => b.Organization).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(b => b.UntransferredUsd);
        builder.HasIndex(b => b.Organization);
    }
}

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.ToTable("Transfers", t => t.HasCheckConstraint("CK_Transfers_AmountUsd", "AmountUsd > 0"));
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Organization).HasMaxLength(Organization.CodeMaxLength);
        builder.Property(t => t.Reference).HasMaxLength(JointProgramme.ReferenceMaxLength);
        builder.Property(t => t.RecordedBy).HasMaxLength(200);
        builder.HasIndex(t => new { t.ProgrammeId, t.Organization, t.Tranche }).IsUnique();
        builder.HasIndex(t => new { t.ProgrammeId, t.Reference }).IsUnique();
        builder.HasIndex(t => t.TransferredOn);
        builder.HasIndex(t => t.Organization);
    }
}

internal sealed class AnnualExpenditureConfiguration : IEntityTypeConfiguration<AnnualExpenditure>
{
    public void Configure(EntityTypeBuilder<AnnualExpenditure> builder)
    {
        builder.ToTable("AnnualExpenditures", t => t.HasCheckConstraint("CK_AnnualExpenditures_AmountUsd", "AmountUsd >= 0"));
        builder.HasKey(e => new { e.ProgrammeId, e.Organization, e.Year });
        builder.Property(e => e.Organization).HasMaxLength(Organization.CodeMaxLength);
        builder.Property(e => e.ReportedBy).HasMaxLength(200);
        builder.HasIndex(e => e.Organization);
        builder.HasIndex(e => e.ReportedOn);
    }
}

internal sealed class FundLedgerConfiguration : IEntityTypeConfiguration<FundLedger>
{
    public void Configure(EntityTypeBuilder<FundLedger> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasData(FundLedger.Initial);
    }
}

internal sealed class MoneyVersionConfiguration : IEntityTypeConfiguration<MoneyVersion>
{
    public void Configure(EntityTypeBuilder<MoneyVersion> builder)
    {
        builder.ToTable("MoneyVersion");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(MoneyVersion.Initial);
    }
}
