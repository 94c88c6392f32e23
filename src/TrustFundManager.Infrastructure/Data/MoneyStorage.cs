using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace TrustFundManager.Infrastructure.Data;

/// <summary>
/// How money is stored. SQL Server keeps every amount as <c>decimal(19,4)</c>. SQLite has no decimal type: EF Core
/// keeps decimals there as text, which SQLite cannot add, compare or order as numbers, so EF summed them in .NET
/// (its <c>ef_sum</c> function) and compared them through a collation. On SQLite every money amount is therefore an
/// exact integer count of ten-thousandths of its currency unit (the four decimals of <c>decimal(19,4)</c>): SQLite
/// sums, compares, orders and checks it natively, and nothing is rounded. Exchange rates, fee and indirect-cost rates
/// and indicator values are not money and keep their own precision (as text on SQLite; they are never summed).
/// </summary>
public static class MoneyStorage
{
    /// <summary>The precision of a money column; every amount, and only amounts, have it.</summary>
    public const int Precision = 19;

    /// <summary>The scale of a money column on SQL Server; a ten-thousandth is the unit of the SQLite integer.</summary>
    public const int Scale = 4;

    /// <summary>Ten-thousandths per currency unit.</summary>
    public const long UnitsPerCurrencyUnit = 10_000;

    /// <summary>
    /// On SQLite, gives every money property (a decimal of precision <see cref="Precision"/>) the scaled-integer
    /// converter. Called once the entity configurations have set the precision of every other decimal.
    /// </summary>
    internal static void StoreMoneyAsIntegers(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredProperties()))
        {
            if ((Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) != typeof(decimal)) continue;
            if (property.GetPrecision() != Precision) continue;
            property.SetValueConverter(ScaledIntegerConverter.Instance);
        }
    }

    /// <summary>An amount as an exact count of ten-thousandths, and back.</summary>
    public sealed class ScaledIntegerConverter : ValueConverter<decimal, long>
    {
        public static readonly ScaledIntegerConverter Instance = new();

        private ScaledIntegerConverter() : base(v => ToUnits(v), v => FromUnits(v))
        {
        }

        /// <summary>The amount in ten-thousandths; an amount finer than that, or too large, is refused, never rounded.</summary>
        public static long ToUnits(decimal amount)
        {
            var units = amount * UnitsPerCurrencyUnit;
            if (units != decimal.Truncate(units))
                throw new InvalidOperationException(
                    $"The amount {amount} has more than {Scale} decimals: money is stored exactly, in ten-thousandths.");
            return decimal.ToInt64(units);
        }

        /// <summary>
        /// The amount of <paramref name="units"/> ten-thousandths, written with as few decimals as it needs but at least
        /// one (12.5, 12.0), as EF Core's text decimals on SQLite were read before, so that every figure the API and the
        /// workbooks show reads as it did.
        /// </summary>
        public static decimal FromUnits(long units) => decimal.Divide(units, UnitsPerCurrencyUnit) + 0.0m;
    }
}

/// <summary>
/// Builds the model as it was before money became integers on SQLite (amounts as text decimals, no money version row,
/// so the funding status is summed on every read): only for a test that writes a database at that migration with the
/// code of today, then upgrades it. Never used by the application.
/// </summary>
public sealed class TextMoneyOnSqliteExtension : IDbContextOptionsExtension
{
    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    /// <summary>Adds the extension to <paramref name="builder"/>.</summary>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder builder)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new TextMoneyOnSqliteExtension());
        return builder;
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;
        public override string LogFragment => "TextMoneyOnSqlite ";

        // A context with the extension gets its own service provider, hence its own model cache.
        public override int GetServiceProviderHashCode() => 1;
        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["TextMoneyOnSqlite"] = "1";
    }
}
