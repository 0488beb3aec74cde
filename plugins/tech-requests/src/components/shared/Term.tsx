import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';
import { GLOSSARY, GlossaryTerm } from '../format/words';

const useStyles = makeStyles({
  term: {
    textDecoration: 'underline dotted',
    textUnderlineOffset: '3px',
    cursor: 'help',
  },
});

/**
 * A word that must stay technical, explained where it stands: hovering or focusing it shows
 * what it means in plain words.
 */
export function Term(props: { term: GlossaryTerm; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Tooltip title={GLOSSARY[props.term]}>
      <span className={classes.term} tabIndex={0}>
        {props.children}
      </span>
    </Tooltip>
  );
}
