# Clang rejects one inline constructor in the Debian ANTLR 4.9 runtime headers that GCC accepts:
# misc/InterpreterDataReader.h default-constructs a dfa::Vocabulary, whose const std::vector
# members make that constructor deleted ("call to implicitly-deleted default constructor"). We
# never call it, but antlr4-runtime.h includes it. For clang builds (ECL_FUZZ, scripts/
# test-hardened) we put a corrected copy of the two headers involved ahead of the system ones;
# every other runtime header still comes from the system. GCC builds are untouched.
function(ecl_antlr_clang_shim target runtime_include_dir)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    return()
  endif()
  set(header ${runtime_include_dir}/misc/InterpreterDataReader.h)
  file(READ ${header} text)
  set(broken "InterpreterData() {};")
  string(FIND "${text}" "${broken}" at)
  if(at EQUAL -1)
    return() # a runtime without the problem
  endif()
  set(shim ${CMAKE_BINARY_DIR}/antlr4-clang-shim)
  string(REPLACE "${broken}"
         "InterpreterData() : vocabulary(std::vector<std::string>{}, std::vector<std::string>{}) {}"
         text "${text}")
  file(WRITE ${shim}/misc/InterpreterDataReader.h "${text}")
  # antlr4-runtime.h includes the header above by a quoted path, so it must come from the shim too.
  configure_file(${runtime_include_dir}/antlr4-runtime.h ${shim}/antlr4-runtime.h COPYONLY)
  target_include_directories(${target} SYSTEM BEFORE PUBLIC ${shim})
endfunction()
