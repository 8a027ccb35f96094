using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Tests.Profiles;

public sealed class ProfileCatalogTests : IDisposable
{
    private readonly TempProfileDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Shipped_catalog_has_the_default_profile()
    {
        var catalog = ProfileCatalog.Load(RepoPaths.ProfilesDirectory);

        catalog.Default.Id.Should().Be("P3265-LVE");
        catalog.Default.Should().BeSameAs(catalog.Get(ProfileCatalog.DefaultProfileId));
        catalog.All.Select(p => p.Id).Should().BeInAscendingOrder(StringComparer.OrdinalIgnoreCase);
        catalog.All.Should().NotContain(p => p.Id.StartsWith('_'));
        catalog.Ids.Should().HaveCount(catalog.All.Count);
    }

    [Fact]
    public void Lookup_is_case_insensitive()
    {
        var catalog = ProfileCatalog.Load(RepoPaths.ProfilesDirectory);

        catalog.TryGet("p3245-lve-10.12", out var profile).Should().BeTrue();
        profile!.Id.Should().Be("P3245-LVE-10.12");
        catalog.TryGet("P9999", out var missing).Should().BeFalse();
        missing.Should().BeNull();
    }

    [Fact]
    public void Unknown_id_lists_the_known_ones()
    {
        _dir.Write("B", ProfileLoaderErrorTests.Valid);
        _dir.Write("A", ProfileLoaderErrorTests.Valid);
        var catalog = ProfileCatalog.Load(_dir.Path);

        var exception = FluentActions.Invoking(() => catalog.Get("NOPE")).Should().Throw<UnknownProfileException>().Which;

        exception.Message.Should().Be("unknown profile 'NOPE'; known: A, B");
        exception.ProfileId.Should().Be("NOPE");
        exception.KnownIds.Should().Equal("A", "B");
        exception.Should().BeAssignableTo<KeyNotFoundException>();
    }

    [Fact]
    public void Default_is_an_unknown_profile_in_a_catalog_without_it()
    {
        _dir.Write("A", ProfileLoaderErrorTests.Valid);
        var catalog = ProfileCatalog.Load(_dir.Path);

        FluentActions.Invoking(() => catalog.Default).Should().Throw<UnknownProfileException>()
            .WithMessage("unknown profile 'P3265-LVE'; known: A");
    }

    [Fact]
    public void Duplicate_ids_are_rejected()
    {
        var profile = ProfileLoader.LoadFile(_dir.Write("A", ProfileLoaderErrorTests.Valid));

        FluentActions.Invoking(() => new ProfileCatalog([profile, profile with { Model = "other" }]))
            .Should().Throw<ArgumentException>().WithMessage("two hardware profiles share the id 'A'*");
    }

    [Fact]
    public void Load_of_an_invalid_directory_throws_with_every_error()
    {
        _dir.Write("A", ProfileLoaderErrorTests.Valid.Replace("poeClass: 3", "poeClass: 9", StringComparison.Ordinal));

        FluentActions.Invoking(() => ProfileCatalog.Load(_dir.Path))
            .Should().Throw<ProfileValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Line.Should().Be(11);
    }

    [Fact]
    public void The_profiles_directory_is_found_by_walking_up()
    {
        var nested = Path.Combine(_dir.Path, "app", "bin", "Debug");
        Directory.CreateDirectory(nested);
        Directory.CreateDirectory(Path.Combine(_dir.Path, "hardware-profiles"));

        HardwareProfilesDirectory.Find(nested).Should().Be(Path.Combine(_dir.Path, "hardware-profiles"));
        HardwareProfilesDirectory.Find().Should().Be(RepoPaths.ProfilesDirectory, "the tests run below the repository");
    }

    [Fact]
    public void A_missing_profiles_directory_is_a_clear_error()
    {
        var root = Path.GetPathRoot(_dir.Path)!;
        HardwareProfilesDirectory.TryFind(_dir.Path, out var found).Should().Be(Directory.Exists(Path.Combine(root, "hardware-profiles")));
        if (found is null)
        {
            FluentActions.Invoking(() => HardwareProfilesDirectory.Find(_dir.Path))
                .Should().Throw<DirectoryNotFoundException>().WithMessage("no 'hardware-profiles' directory found in*");
        }
    }
}
