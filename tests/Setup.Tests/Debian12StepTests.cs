using System.Security.Cryptography;

namespace Setup.Tests;

/// <summary>
/// scripts/debian12-torchsharp.sh on a copy of the NuGet packages folder (NUGET_PACKAGES), with a fake libstdc++
/// (LIBSTDCXX) that has or lacks GLIBCXX_3.4.32, so the machine's own packages are never touched.
/// </summary>
public sealed class Debian12StepTests : IDisposable
{
    private const string TorchSharp = "torchsharp/0.107.0";
    private const string LibraryPath = TorchSharp + "/runtimes/linux-x64/native/libLibTorchSharp.so";
    private readonly string _root = Directory.CreateTempSubdirectory("debian12-step-").FullName;
    private string Packages => Path.Combine(_root, "packages");
    private string Library => Path.Combine(Packages, LibraryPath);

    public Debian12StepTests()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Library)!);
        Directory.CreateDirectory(Path.Combine(Packages, TorchSharp, "lib/net8.0"));
        Directory.CreateDirectory(Path.Combine(Packages, "libtorch-cpu-linux-x64/2.10.0/runtimes/linux-x64/native"));
        File.Copy(PackageOriginal, Library);
        File.WriteAllText(Path.Combine(_root, "old-libstdc++.so"), "GLIBCXX_3.4.29\0GLIBCXX_3.4.30\0");
        File.WriteAllText(Path.Combine(_root, "new-libstdc++.so"), "GLIBCXX_3.4.30\0GLIBCXX_3.4.31\0GLIBCXX_3.4.32\0");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Where_libstdcxx_has_the_version_it_changes_nothing()
    {
        var before = Snapshot();

        var (exitCode, output) = Step("new-libstdc++.so");

        Assert.True(exitCode == 0, output);
        Assert.Equal("", output);
        Assert.Equal(before, Snapshot());
        Assert.Equal(0, Step("new-libstdc++.so", "--check").ExitCode);
    }

    [Fact]
    public void Where_libstdcxx_lacks_the_version_the_need_becomes_weak_and_the_hook_a_dependency()
    {
        Assert.Equal(1, Step("old-libstdc++.so", "--check").ExitCode);

        var (exitCode, output) = Step("old-libstdc++.so");

        Assert.True(exitCode == 0, output);
        Assert.Contains("fixed", output);
        var versions = Readelf("-V");
        Assert.Matches(@"Name: GLIBCXX_3\.4\.32\s+Flags: WEAK", versions);
        var hook = Path.Combine(Packages, TorchSharp, "debian12/libstdcxx-ios-init.so");
        Assert.Contains($"Shared library: [{hook}]", Readelf("-d"));
        Assert.Contains("_ZSt21ios_base_library_initv", Script.Run("nm", ["-D", "--defined-only", hook]).Output);
        Assert.Equal(Hash(PackageOriginal), Hash(Path.Combine(Packages, TorchSharp, "debian12/libLibTorchSharp.so.original")));
        Assert.Equal(0, Step("old-libstdc++.so", "--check").ExitCode);
    }

    [Fact]
    public void A_second_run_changes_nothing_and_undo_restores_the_package()
    {
        Assert.Equal(0, Step("old-libstdc++.so").ExitCode);
        var fixedOnce = Snapshot();

        var (exitCode, output) = Step("old-libstdc++.so");

        Assert.True(exitCode == 0, output);
        Assert.Equal("", output);
        Assert.Equal(fixedOnce, Snapshot());

        Assert.Equal(0, Step("old-libstdc++.so", "--undo").ExitCode);
        Assert.Equal(Hash(PackageOriginal), Hash(Library));
        Assert.False(Directory.Exists(Path.Combine(Packages, TorchSharp, "debian12")));
    }

    [Fact]
    public void The_fixed_library_loads_where_the_package_as_shipped_does_not()
    {
        Assert.Equal(0, Step("old-libstdc++.so").ExitCode);
        var libtorch = Path.Combine(MachinePackages, "libtorch-cpu-linux-x64/2.10.0/runtimes/linux-x64/native");

        var fixedLoad = Dlopen(Library, libtorch);
        var shippedLoad = Dlopen(PackageOriginal, libtorch);

        Assert.True(fixedLoad.ExitCode == 0, fixedLoad.Output);
        if (!MachineLibstdcxxHasTheVersion)
            Assert.Contains("GLIBCXX_3.4.32", shippedLoad.Output);
    }

    [Fact]
    public void Where_a_system_libtorch_is_on_the_search_path_the_package_libraries_are_linked_beside_TorchSharp()
    {
        var libtorch = Path.Combine(Packages, "libtorch-cpu-linux-x64/2.10.0/runtimes/linux-x64/native/libtorch_cpu.so");
        File.WriteAllText(libtorch, "stands for libtorch 2.10");
        var managed = Path.Combine(Packages, TorchSharp, "lib/net8.0");
        Assert.Equal(1, StepBeside(SystemLibtorch, "new-libstdc++.so", "--check").ExitCode);

        var (exitCode, output) = StepBeside(SystemLibtorch, "new-libstdc++.so");

        Assert.True(exitCode == 0, output);
        Assert.Contains("libtorch-dev", output);
        Assert.Equal(libtorch, new FileInfo(Path.Combine(managed, "libtorch_cpu.so")).LinkTarget);
        Assert.Equal(Library, new FileInfo(Path.Combine(managed, "libLibTorchSharp.so")).LinkTarget);
        Assert.Equal(0, StepBeside(SystemLibtorch, "new-libstdc++.so", "--check").ExitCode);
        Assert.Equal("", StepBeside(SystemLibtorch, "new-libstdc++.so").Output);

        Assert.Equal(0, StepBeside(SystemLibtorch, "new-libstdc++.so", "--undo").ExitCode);
        Assert.Empty(Directory.GetFiles(managed));
    }

    /// <summary>What ldconfig would name where Debian's libtorch-dev is installed.</summary>
    private const string SystemLibtorch = "/usr/lib/x86_64-linux-gnu/libtorch_cpu.so";

    private (int ExitCode, string Output) Step(string libstdcxx, params string[] arguments) =>
        StepBeside("", libstdcxx, arguments);

    private (int ExitCode, string Output) StepBeside(string systemLibtorch, string libstdcxx, params string[] arguments) =>
        Script.Run("bash", ["scripts/debian12-torchsharp.sh", .. arguments], new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Packages,
            ["LIBSTDCXX"] = Path.Combine(_root, libstdcxx),
            ["SYSTEM_LIBTORCH_CPU"] = systemLibtorch,
        });

    private string Readelf(string option) => Script.Run("readelf", [option, Library]).Output;

    private static (int ExitCode, string Output) Dlopen(string library, string searchPath) =>
        Script.Run("python3", ["-c", "import ctypes, sys; ctypes.CDLL(sys.argv[1])", library],
            new Dictionary<string, string> { ["LD_LIBRARY_PATH"] = searchPath });

    /// <summary>Every file under the fake packages folder with its content hash and modification time.</summary>
    private string Snapshot() => string.Join("\n", Directory.EnumerateFileSystemEntries(Packages, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(path => File.Exists(path) ? $"{path} {Hash(path)} {File.GetLastWriteTimeUtc(path):O}" : path));

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static string MachinePackages { get; } = Script.Run("dotnet", ["nuget", "locals", "global-packages", "--list"])
        .Output.Trim().Replace("global-packages:", "").Trim().TrimEnd('/');

    /// <summary>The library as NuGet delivered it: the set-up's kept copy where the step has run on this machine.</summary>
    private static string PackageOriginal
    {
        get
        {
            var kept = Path.Combine(MachinePackages, TorchSharp, "debian12/libLibTorchSharp.so.original");
            return File.Exists(kept) ? kept : Path.Combine(MachinePackages, LibraryPath);
        }
    }

    private static bool MachineLibstdcxxHasTheVersion { get; } =
        Script.Run("bash", ["-c", "grep -qa GLIBCXX_3.4.32 \"$(/sbin/ldconfig -p | sed -nE 's/^\\s*libstdc\\+\\+\\.so\\.6 \\(libc6,x86-64\\) => (.*)$/\\1/p' | head -1)\""]).ExitCode == 0;
}
