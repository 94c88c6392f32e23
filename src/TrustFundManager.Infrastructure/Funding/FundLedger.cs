namespace TrustFundManager.Infrastructure.Funding;

/// <summary>
/// One row that every allocation changes, so that two allocations computed from the same free balance cannot both be
/// saved: the second fails on the version, reads the balance again and is refused if the money is gone.
/// </summary>
public sealed class FundLedger
{
    public const int SingletonId = 1;

    private FundLedger()
    {
    }

    public int Id { get; private set; } = SingletonId;

    public Guid Version { get; private set; }

    internal static FundLedger Initial => new() { Version = Guid.Empty };

    internal void RecordAllocation() => Version = Guid.NewGuid();
}
