#include "commands.hpp"

int main(int argc, char** argv)
{
  return kudrang::cli::run(argc, argv);
}
