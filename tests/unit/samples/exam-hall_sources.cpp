// The exam hall server's rule and storage files, compiled into unit_samples (a sample's sources otherwise build its
// executable only). main.cpp, routes.cpp and commands.cpp stay out: the tests drive the functions beneath them.
#include "exam-hall/attendance_csv.cpp"
#include "exam-hall/attendance_store.cpp"
#include "exam-hall/door_check.cpp"
#include "exam-hall/door_rules.cpp"
#include "exam-hall/roster_csv.cpp"
#include "exam-hall/roster_store.cpp"
#include "exam-hall/schema.cpp"
