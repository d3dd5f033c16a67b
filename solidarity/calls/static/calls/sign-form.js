// The sign form's "I sign as" choice: with JavaScript, only the chosen part shows (the organisation's fields,
// or the person's "show my name"). Without it both parts show, each labelled.
for (const form of document.querySelectorAll("form.sign-form")) {
  const choices = form.querySelectorAll("input[name='signer_kind']");
  const organisation = form.querySelector(".sign-form__organisation");
  const person = form.querySelector(".sign-form__person");
  if (!choices.length || !organisation) continue;
  const show = () => {
    const chosen = form.querySelector("input[name='signer_kind']:checked");
    const asOrganisation = chosen !== null && chosen.value === "organisation";
    organisation.hidden = !asOrganisation;
    if (person) person.hidden = asOrganisation;
  };
  for (const choice of choices) choice.addEventListener("change", show);
  show();
}
